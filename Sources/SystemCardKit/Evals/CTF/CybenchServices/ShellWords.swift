import Foundation

/// A small reader of POSIX shell text, for what a Dockerfile's `RUN` and shell-form commands contain: words
/// (with single and double quotes and backslashes) and the operators that join simple commands. It never runs
/// anything; text it cannot read plainly (substitutions, redirections, subshells, here-documents) is reported
/// so that the caller refuses the step rather than guess.
enum ShellWords {
    /// One simple command's words, and whether its text held something beyond plain words.
    struct Command: Equatable {
        var words: [String]
        /// Redirections, `$` (a variable or a substitution), backquotes, parentheses or a pipe were present.
        /// Globbing characters stay in the words as written.
        var complex: Bool
    }

    /// The simple commands of `text`, split at `&&`, `||`, `;`, `&` and newlines (a pipe `|` marks the command
    /// complex instead: both sides would have to run).
    static func commands(_ text: String) -> [Command] {
        var commands: [Command] = []
        var words: [String] = []
        var word = ""
        var inWord = false
        var complex = false
        var characters = Array(text)
        characters.append("\n")
        var index = 0
        func endWord() {
            if inWord { words.append(word) }
            word = ""
            inWord = false
        }
        func endCommand() {
            endWord()
            if !words.isEmpty { commands.append(Command(words: words, complex: complex)) }
            words = []
            complex = false
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "'":
                inWord = true
                index += 1
                while index < characters.count && characters[index] != "'" {
                    word.append(characters[index])
                    index += 1
                }
            case "\"":
                inWord = true
                index += 1
                while index < characters.count && characters[index] != "\"" {
                    if characters[index] == "\\" && index + 1 < characters.count
                        && "\"\\$`".contains(characters[index + 1])
                    {
                        index += 1
                    } else if characters[index] == "$" || characters[index] == "`" {
                        complex = true
                    }
                    word.append(characters[index])
                    index += 1
                }
            case "\\":
                if index + 1 < characters.count {
                    index += 1
                    if characters[index] != "\n" {
                        inWord = true
                        word.append(characters[index])
                    }
                }
            case " ", "\t":
                endWord()
            case "\n", ";":
                endCommand()
            case "&":
                if index + 1 < characters.count && characters[index + 1] == "&" { index += 1 }
                endCommand()
            case "|":
                if index + 1 < characters.count && characters[index + 1] == "|" {
                    index += 1
                    endCommand()
                } else {
                    complex = true
                    endWord()
                }
            case "<", ">", "(", ")", "`":
                complex = true
                inWord = true
                word.append(character)
            case "$":
                complex = true
                inWord = true
                word.append(character)
            case "#" where !inWord:
                while index < characters.count && characters[index] != "\n" { index += 1 }
                continue
            default:
                inWord = true
                word.append(character)
            }
            index += 1
        }
        return commands
    }

    /// The words of one command line as compose reads a string `command:` (quotes honoured, no operators).
    static func split(_ text: String) -> [String] {
        commands(text.replacingOccurrences(of: "\n", with: " ")).flatMap(\.words)
    }
}
