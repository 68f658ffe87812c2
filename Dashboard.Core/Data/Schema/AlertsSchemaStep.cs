namespace Dashboard.Core.Data.Schema;

/// <summary>Schema step 16, kept in its own file so that <see cref="SchemaSteps"/> stays short; listed there in its place.</summary>
internal static class AlertsSchemaStep
{
    public static readonly SchemaStep Step =
        new(16, "alert rules, and one row per rule and period fired", """
            -- docs/decisions/0037-alerts.md. A rule: its owner, a name, a metric under one of the overview's filters
            -- (a query string without dates) at day or week grain, a condition with its value (decimals as invariant text),
            -- the address its mail goes to and until when it is snoozed. A firing: one row per rule and period, written before
            -- its mail is sent (the pair is unique, so a re-import, a restart or a second instance never fires it twice), and
            -- the state of that mail, retried as a digest send is.
            CREATE TABLE alert_rules (
                id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                metric TEXT NOT NULL,
                grain TEXT NOT NULL,
                filter TEXT NOT NULL,
                condition TEXT NOT NULL,
                value TEXT NULL,
                email TEXT NOT NULL,
                snoozed_until TEXT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE INDEX ix_alert_rules_user ON alert_rules (user_id);

            CREATE TABLE alert_firings (
                id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                rule_id INTEGER NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
                period TEXT NOT NULL,
                fired_at TEXT NOT NULL,
                value TEXT NULL,
                compared TEXT NULL,
                low TEXT NULL,
                high TEXT NULL,
                state TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                next_attempt_at TEXT NULL,
                claimed_at TEXT NULL,
                sent_at TEXT NULL,
                last_error TEXT NULL
            );
            CREATE UNIQUE INDEX ux_alert_firings_period ON alert_firings (rule_id, period);
            """);
}
