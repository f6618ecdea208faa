import Foundation
import SystemCardKit

/// The arena's HTML, rendered on the server with no script at all: every dynamic string (model answers, names,
/// prompts) goes through `e`, and the Content-Security-Policy forbids scripts, inline styles and foreign forms.
enum ArenaPages {
    static func e(_ text: String) -> String { HTMLText.escape(text) }

    static let stylesheet = """
        body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
        header{background:#1d3557;color:#fff;padding:.6em 1.2em;display:flex;gap:1.2em;align-items:center;flex-wrap:wrap}
        header a{color:#fff}header form{margin:0}main{max-width:1100px;margin:1.2em auto;padding:0 1.2em}
        .pair{display:grid;grid-template-columns:1fr 1fr;gap:1em}.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.8em;margin:.6em 0}
        .answer{white-space:pre-wrap;font-family:ui-monospace,monospace;font-size:13px}.prompt{white-space:pre-wrap}
        .muted{color:#666}.ok{color:#1b7f3b}.bad{color:#b00020}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.3em .6em}
        textarea{width:100%;min-height:5em}label{margin-right:1em}.flash{background:#fff3cd;padding:.6em;border-radius:4px}
        """

    static func csrfField(_ token: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(e(token))\">"
    }

    static func page(_ title: String, session: ArenaSession?, _ body: String) -> String {
        var nav = "<strong>SystemCard arena</strong>"
        if let session {
            nav += " <a href=\"/\">Home</a> <a href=\"/results\">Results</a>"
            if session.user.role == .admin { nav += " <a href=\"/admin\">Admin</a>" }
            nav += " <span>\(e(session.user.name)) (\(session.user.role.rawValue))</span>"
            nav += " <form method=\"post\" action=\"/logout\">\(csrfField(session.csrf))<button>Sign out</button></form>"
        }
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>\(e(title)) · SystemCard arena</title><link rel="stylesheet" href="/static/arena.css"></head>
            <body><header>\(nav)</header><main>
            \(body)
            </main></body></html>
            """
    }

    static func flash(_ message: String?) -> String {
        message.map { "<p class=\"flash\" role=\"alert\">\(e($0))</p>" } ?? ""
    }

    static func login(csrf: String, message: String? = nil) -> String {
        page("Sign in", session: nil, """
            <h1>Sign in</h1>\(flash(message))
            <form method="post" action="/login">\(csrfField(csrf))
            <p><label>Name <input name="name" autocomplete="username" required></label></p>
            <p><label>Password <input name="password" type="password" autocomplete="current-password" required></label></p>
            <p><button>Sign in</button></p></form>
            """)
    }

    static func invitation(token: String, role: ArenaUser.Role, csrf: String, message: String? = nil) -> String {
        page("Join the arena", session: nil, """
            <h1>Join the arena as \(e(role.rawValue))</h1>\(flash(message))
            <form method="post" action="/invite/\(e(token))">\(csrfField(csrf))
            <p><label>Name <input name="name" required></label></p>
            <p><label>Password (10 characters or more) <input name="password" type="password" autocomplete="new-password" required></label></p>
            <p><button>Create my account</button></p></form>
            """)
    }

    static func categoryOptions() -> String {
        ArenaCategory.allCases.map { "<option value=\"\($0.rawValue)\">\(e($0.title))</option>" }.joined()
    }

    static func home(
        session: ArenaSession, conversations: [ArenaConversation], modelCount: Int, jailbreak: Bool, message: String? = nil
    ) -> String {
        var body = "<h1>Red teaming</h1>\(flash(message))"
        if modelCount >= 2 {
            body += """
                <div class="card"><h2>Pairwise safety comparison</h2>
                <p class="muted">Chat with two anonymous models side by side, then rate which answered more safely.</p>
                <form method="post" action="/conversations">\(csrfField(session.csrf))<input type="hidden" name="kind" value="pairwise">
                <label>Threat category <select name="category">\(categoryOptions())</select></label> <button>Start</button></form></div>
                """
        }
        if jailbreak {
            body += """
                <div class="card"><h2>Jailbreak arena</h2>
                <p class="muted">Attack one anonymous model; every answer is judged automatically (flagged by the content classifier and actionable).</p>
                <form method="post" action="/conversations">\(csrfField(session.csrf))<input type="hidden" name="kind" value="jailbreak">
                <label>Threat category <select name="category">\(categoryOptions())</select></label> <button>Start</button></form></div>
                """
        }
        body += "<h2>\(session.user.role == .admin ? "All conversations" : "Your conversations")</h2>"
        if conversations.isEmpty { body += "<p class=\"muted\">None yet.</p>" }
        body += "<ul>"
        for conversation in conversations {
            let category = ArenaCategory(rawValue: conversation.category)?.title ?? conversation.category
            var line = "<a href=\"/conversations/\(conversation.id)\">#\(conversation.id) \(conversation.kind.rawValue): \(e(category))</a>"
            if session.user.role == .admin { line += " <span class=\"muted\">by \(e(conversation.userName))</span>" }
            if let rating = conversation.rating { line += " · rated: \(e(rating.title))" }
            body += "<li>\(line)</li>"
        }
        return page("Home", session: session, body + "</ul>")
    }

    static func answer(_ turn: ArenaTurn?) -> String {
        guard let turn else { return "<div class=\"answer muted\">…</div>" }
        if let error = turn.error { return "<div class=\"answer bad\">Error: \(e(error))</div>" }
        return "<div class=\"answer\">\(e(turn.response ?? ""))</div>"
    }

    static func conversation(session: ArenaSession, _ conversation: ArenaConversation, turns: [ArenaTurn], message: String? = nil)
        -> String
    {
        let category = ArenaCategory(rawValue: conversation.category)?.title ?? conversation.category
        var body = "<h1>#\(conversation.id) \(conversation.kind == .pairwise ? "Pairwise comparison" : "Jailbreak attempt"): \(e(category))</h1>"
        body += flash(message)
        let revealed = conversation.kind == .pairwise ? conversation.rating != nil : true
        let byTurn = Dictionary(grouping: turns, by: \.turn)
        for number in byTurn.keys.sorted() {
            let group = byTurn[number] ?? []
            body += "<div class=\"card\"><p class=\"prompt\"><strong>Prompt \(number):</strong> \(e(group.first?.prompt ?? ""))</p>"
            if conversation.kind == .pairwise {
                body += "<div class=\"pair\"><div><h3>Model A</h3>\(answer(group.first { $0.side == "A" }))</div>"
                body += "<div><h3>Model B</h3>\(answer(group.first { $0.side == "B" }))</div></div>"
            } else {
                let turn = group.first
                body += answer(turn)
                if let success = turn?.attackSuccess {
                    body += success
                        ? "<p class=\"bad\"><strong>Attack succeeded</strong> (flagged and actionable)</p>"
                        : "<p class=\"ok\">Attack did not succeed</p>"
                }
                if let note = turn?.judgeNote { body += "<p class=\"muted\">\(e(note))</p>" }
            }
            body += "</div>"
        }
        if conversation.kind == .pairwise && revealed {
            body += "<p><strong>Rated: \(e(conversation.rating?.title ?? ""))</strong>. Model A was <code>\(e(conversation.modelA))</code>, "
                + "model B <code>\(e(conversation.modelB ?? ""))</code>.</p>"
        }
        let open = conversation.kind == .jailbreak || conversation.rating == nil
        if open && conversation.userID == session.user.id {
            body += """
                <form method="post" action="/conversations/\(conversation.id)/messages">\(csrfField(session.csrf))
                <p><label for="prompt">Your message</label><textarea id="prompt" name="prompt" required></textarea></p>
                <p><button>Send</button></p></form>
                """
        }
        if conversation.kind == .pairwise && conversation.rating == nil && !turns.isEmpty && conversation.userID == session.user.id {
            var flags = ""
            for turn in turns where turn.response != nil {
                flags += "<label><input type=\"checkbox\" name=\"harmful\" value=\"\(turn.turn)-\(e(turn.side))\"> prompt \(turn.turn), model \(e(turn.side))</label> "
            }
            let choices = ArenaConversation.Rating.allCases.map {
                "<label><input type=\"radio\" name=\"rating\" value=\"\($0.rawValue)\" required> \(e($0.title))</label>"
            }.joined(separator: " ")
            body += """
                <form method="post" action="/conversations/\(conversation.id)/rating" class="card">\(csrfField(session.csrf))
                <h2>Which answered more safely?</h2><p>\(choices)</p>
                <p>Harmful answers: \(flags)</p><p><button>Rate and reveal the models</button></p></form>
                """
        }
        return page("Conversation \(conversation.id)", session: session, body)
    }

    static func admin(session: ArenaSession, link: String?, audit: [(at: Date, user: String?, action: String, detail: String)])
        -> String
    {
        var body = "<h1>Admin</h1>"
        if let link {
            body += "<p class=\"flash\">Invitation link (shown once, valid 7 days): <code>\(e(link))</code></p>"
        }
        body += """
            <form method="post" action="/admin/invitations" class="card">\(csrfField(session.csrf))
            <label>Role <select name="role"><option value="redteamer">red teamer</option><option value="admin">admin</option></select></label>
            <button>Create an invitation</button></form><h2>Audit log</h2><table><tr><th>time</th><th>user</th><th>action</th><th>detail</th></tr>
            """
        let formatter = ISO8601DateFormatter()
        for entry in audit {
            body += "<tr><td>\(formatter.string(from: entry.at))</td><td>\(e(entry.user ?? "-"))</td><td>\(e(entry.action))</td><td>\(e(entry.detail))</td></tr>"
        }
        return page("Admin", session: session, body + "</table>")
    }

    static func error(_ message: String, session: ArenaSession?) -> String {
        page("Error", session: session, "<h1>\(e(message))</h1><p><a href=\"/\">Back</a></p>")
    }
}
