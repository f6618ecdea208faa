import SystemCardCLI
import SystemCardKit

await SystemCardCommand.main(registry: .builtIn)
