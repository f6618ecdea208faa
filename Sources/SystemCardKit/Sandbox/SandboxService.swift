/// A network service that runs inside a sandbox's own loopback for the length of every command (a web
/// challenge's server), holding a secret the commands cannot read.
///
/// Each command starts through a launcher that reads the secret from its standard input (never the
/// environment or the command line), marks itself non-dumpable (so no process of the sandbox's user can read
/// its memory, environment or descriptors through `/proc` or ptrace), forks the service, waits for its port,
/// and only then replaces itself with the command's shell, with a clean environment. The service ends with the
/// command.
public struct SandboxService: Sendable, Hashable {
    /// Python 3 defining `serve(secret: str, port: int)`, which serves forever on 127.0.0.1:`port`.
    public var code: String
    public var secret: String
    public var port: Int

    public init(code: String, secret: String, port: Int) {
        self.code = code
        self.secret = secret
        self.port = port
    }

    /// The launcher, run as `python3 -c LAUNCHER SERVICE_CODE PORT COMMAND` with the secret on its first input line.
    static let launcher = """
        import ctypes, os, socket, sys, time
        ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)
        secret = b''
        while True:
            byte = os.read(0, 1)
            if byte in (b'', b'\\n'): break
            secret += byte
        code, port, command = sys.argv[1], int(sys.argv[2]), sys.argv[3]
        if os.fork() == 0:
            devnull = os.open('/dev/null', os.O_RDWR)
            for fd in (0, 1, 2): os.dup2(devnull, fd)
            scope = {}
            exec(code, scope)
            scope['serve'](secret.decode(), port)
            os._exit(0)
        deadline = time.time() + 5
        while time.time() < deadline:
            try:
                socket.create_connection(('127.0.0.1', port), timeout=0.2).close(); break
            except OSError:
                time.sleep(0.02)
        os.execve('/bin/sh', ['sh', '-c', command], dict(os.environ))
        """
}
