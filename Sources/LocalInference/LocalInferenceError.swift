/// An error raised while loading or running a local GGUF model.
///
/// Every failure of the engine surfaces as this type: a malformed or truncated file never crashes the process.
public struct LocalInferenceError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The kind of failure.
    public enum Code: String, Sendable, Equatable {
        /// The model file does not exist or cannot be opened.
        case fileNotFound
        /// The file could not be read or memory-mapped.
        case ioError
        /// The file does not start with the GGUF magic bytes.
        case notGGUF
        /// The GGUF version is not supported (only versions 2 and 3 are).
        case unsupportedVersion
        /// The file ends before a header field, a metadata value or tensor data.
        case truncated
        /// A structural inconsistency in the file (bad lengths, bad types, overlapping tensors...).
        case corrupt
        /// A tensor uses a quantisation type the engine cannot compute with.
        case unsupportedTensorType
        /// The model architecture is not implemented.
        case unsupportedArchitecture
        /// A required metadata key is absent (or has the wrong type).
        case missingMetadata
        /// A required tensor is absent or has an unexpected shape.
        case missingTensor
        /// The tokenizer model is not supported.
        case unsupportedTokenizer
        /// The prompt (plus the tokens to generate) does not fit in the context window.
        case contextExceeded
        /// An argument passed by the caller is invalid.
        case invalidArgument
        /// The model's chat template failed on the conversation, or refused it (`raise_exception`).
        case templateError
        /// The calling task was cancelled (or the caller's cancellation check said so) before the work finished.
        case cancelled
    }

    /// The kind of failure.
    public var code: Code
    /// A human-readable explanation.
    public var message: String

    /// Creates an error with a code and a message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message, prefixed with the error code.
    public var description: String { "LocalInferenceError.\(code.rawValue): \(message)" }
}
