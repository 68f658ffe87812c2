namespace Dashboard.Core.Data.Schema;

/// <summary>The ordered history of the schema. Append new steps at the end; never edit a released one.</summary>
public static class SchemaSteps
{
    public static readonly IReadOnlyList<SchemaStep> All =
    [
        new(1, "tables for order lines, purchases and import batches", """
            CREATE TABLE import_batches (
                id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                file_name TEXT NOT NULL,
                format TEXT NULL,
                content_hash TEXT NULL,
                state TEXT NOT NULL,
                is_sample INTEGER NOT NULL DEFAULT 0,
                started_at TEXT NOT NULL,
                finished_at TEXT NULL,
                rows_read INTEGER NOT NULL DEFAULT 0,
                inserted INTEGER NOT NULL DEFAULT 0,
                updated INTEGER NOT NULL DEFAULT 0,
                unchanged INTEGER NOT NULL DEFAULT 0,
                rejected INTEGER NOT NULL DEFAULT 0,
                duplicates INTEGER NOT NULL DEFAULT 0,
                error TEXT NULL
            );
            CREATE INDEX ix_import_batches_hash ON import_batches (content_hash);

            CREATE TABLE import_issues (
                id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                batch_id INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                row_number INTEGER NOT NULL,
                column_name TEXT NULL,
                value TEXT NULL,
                reason TEXT NOT NULL
            );
            CREATE INDEX ix_import_issues_batch ON import_issues (batch_id, row_number);

            CREATE TABLE order_lines (
                id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                order_id TEXT NOT NULL,
                sku TEXT NOT NULL,
                order_date TEXT NOT NULL,
                status TEXT NOT NULL,
                status_group TEXT NOT NULL,
                fulfilment TEXT NOT NULL,
                sales_channel TEXT NOT NULL,
                service_level TEXT NOT NULL,
                style TEXT NOT NULL,
                category TEXT NOT NULL,
                size TEXT NOT NULL,
                asin TEXT NOT NULL,
                courier_status TEXT NULL,
                qty INTEGER NOT NULL,
                currency TEXT NULL,
                amount_minor INTEGER NULL,
                city_raw TEXT NULL,
                city TEXT NULL,
                state_raw TEXT NULL,
                state TEXT NULL,
                postal_code INTEGER NULL,
                country TEXT NULL,
                promotion_ids TEXT NULL,
                b2b INTEGER NOT NULL,
                fulfilled_by TEXT NULL,
                source_index INTEGER NULL,
                is_sample INTEGER NOT NULL DEFAULT 0,
                batch_id INTEGER NOT NULL,
                content_hash INTEGER NOT NULL
            );
            CREATE UNIQUE INDEX ux_order_lines_key ON order_lines (order_id, sku);

            CREATE TABLE purchases (
                id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                user_id INTEGER NULL,
                product_id TEXT NULL,
                gender TEXT NOT NULL,
                age_band TEXT NOT NULL,
                occupation INTEGER NOT NULL,
                city_category TEXT NOT NULL,
                stay_years INTEGER NOT NULL,
                married INTEGER NOT NULL,
                product_category_1 INTEGER NOT NULL,
                product_category_2 INTEGER NULL,
                product_category_3 INTEGER NULL,
                purchase INTEGER NULL,
                is_to_score INTEGER NOT NULL,
                is_sample INTEGER NOT NULL DEFAULT 0,
                batch_id INTEGER NOT NULL,
                source_row INTEGER NOT NULL
            );

            CREATE TABLE app_metadata (
                key TEXT NOT NULL PRIMARY KEY,
                value TEXT NOT NULL
            );
            """),
        new(2, "indexes for the dashboard's filters and for batch look-ups", """
            CREATE INDEX ix_order_lines_date ON order_lines (order_date);
            CREATE INDEX ix_order_lines_category_date ON order_lines (category, order_date);
            CREATE INDEX ix_order_lines_state_date ON order_lines (state, order_date);
            CREATE INDEX ix_order_lines_status_date ON order_lines (status_group, order_date);
            CREATE INDEX ix_order_lines_batch ON order_lines (batch_id);
            CREATE INDEX ix_purchases_kind_batch ON purchases (is_to_score, batch_id);
            """),
        new(3, "undo of import batches: when a batch was undone, and the previous values of the lines it updated", """
            ALTER TABLE import_batches ADD COLUMN undone_at TEXT NULL;

            -- One row per order line a batch updated: the line as it was before that batch (its own id kept), so
            -- undoing the batch can put it back. batch_id is the batch that had written the previous values;
            -- changed_by_batch_id the batch that replaced them. Removed when the changing batch is undone.
            CREATE TABLE order_line_versions (
                changed_by_batch_id INTEGER NOT NULL,
                id INTEGER NOT NULL,
                order_id TEXT NOT NULL,
                sku TEXT NOT NULL,
                order_date TEXT NOT NULL,
                status TEXT NOT NULL,
                status_group TEXT NOT NULL,
                fulfilment TEXT NOT NULL,
                sales_channel TEXT NOT NULL,
                service_level TEXT NOT NULL,
                style TEXT NOT NULL,
                category TEXT NOT NULL,
                size TEXT NOT NULL,
                asin TEXT NOT NULL,
                courier_status TEXT NULL,
                qty INTEGER NOT NULL,
                currency TEXT NULL,
                amount_minor INTEGER NULL,
                city_raw TEXT NULL,
                city TEXT NULL,
                state_raw TEXT NULL,
                state TEXT NULL,
                postal_code INTEGER NULL,
                country TEXT NULL,
                promotion_ids TEXT NULL,
                b2b INTEGER NOT NULL,
                fulfilled_by TEXT NULL,
                source_index INTEGER NULL,
                is_sample INTEGER NOT NULL DEFAULT 0,
                batch_id INTEGER NOT NULL,
                content_hash INTEGER NOT NULL,
                PRIMARY KEY (changed_by_batch_id, id)
            ) WITHOUT ROWID;
            CREATE INDEX ix_order_line_versions_batch ON order_line_versions (batch_id);
            """),
        new(4, "trained models: versions, metrics, the serialised model and which version is active", """
            CREATE TABLE models (
                id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL,
                algorithm TEXT NOT NULL,
                version INTEGER NOT NULL,
                model_name TEXT NOT NULL,
                trained_at TEXT NOT NULL,
                training_batches TEXT NOT NULL,
                parameters TEXT NOT NULL,
                report TEXT NOT NULL,
                is_active INTEGER NOT NULL,
                decision TEXT NOT NULL,
                payload BLOB NOT NULL
            );
            CREATE UNIQUE INDEX ux_models_version ON models (kind, algorithm, version);
            """),
        new(5, "promotion lists stored once: order lines keep the id of their promotion-ids text", """
            -- The export's promotion-ids column is a long comma list that repeats across lines: about half of the
            -- order_lines table (45 MB of 82 MB for the real export, 5,787 distinct values in 128,968 lines). Each
            -- distinct text is stored once; a line (and a kept previous version of a line) refers to it by id.
            -- No index on the text: the importer keeps the stored lists in memory to find a text's id (an index on
            -- texts averaging 1,400 characters was 25 MB for the real export's 8 MB of lists). The one below serves
            -- only this step.
            CREATE TABLE promotion_lists (
                id INTEGER NOT NULL PRIMARY KEY,
                ids TEXT NOT NULL
            );
            INSERT INTO promotion_lists (ids)
                SELECT promotion_ids FROM order_lines WHERE promotion_ids IS NOT NULL
                UNION SELECT promotion_ids FROM order_line_versions WHERE promotion_ids IS NOT NULL;
            CREATE INDEX step5_promotion_lists_ids ON promotion_lists (ids);

            ALTER TABLE order_lines ADD COLUMN promotion_list_id INTEGER NULL REFERENCES promotion_lists (id);
            UPDATE order_lines SET promotion_list_id = (SELECT p.id FROM promotion_lists p WHERE p.ids = order_lines.promotion_ids)
                WHERE promotion_ids IS NOT NULL;
            ALTER TABLE order_lines DROP COLUMN promotion_ids;

            ALTER TABLE order_line_versions ADD COLUMN promotion_list_id INTEGER NULL REFERENCES promotion_lists (id);
            UPDATE order_line_versions SET promotion_list_id = (SELECT p.id FROM promotion_lists p WHERE p.ids = order_line_versions.promotion_ids)
                WHERE promotion_ids IS NOT NULL;
            ALTER TABLE order_line_versions DROP COLUMN promotion_ids;
            DROP INDEX step5_promotion_lists_ids;
            """),
        new(6, "users who can sign in, and the audit log", """
            CREATE TABLE users (
                id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                user_name TEXT NOT NULL COLLATE NOCASE,
                password_hash TEXT NOT NULL,
                role TEXT NOT NULL,
                is_disabled INTEGER NOT NULL DEFAULT 0,
                failed_sign_ins INTEGER NOT NULL DEFAULT 0,
                locked_until TEXT NULL,
                security_stamp TEXT NOT NULL,
                created_at TEXT NOT NULL,
                last_sign_in_at TEXT NULL
            );
            CREATE UNIQUE INDEX ux_users_name ON users (user_name);

            CREATE TABLE audit_log (
                id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                user_name TEXT NULL,
                action TEXT NOT NULL,
                detail TEXT NULL,
                address TEXT NULL
            );
            """),
        new(7, "order lines keep only the indexes a query uses", """
            -- Every chart reads the in-memory DataFrames (issue 16), so no chart query uses the (column, order_date)
            -- indexes of step 2 any more. EXPLAIN QUERY PLAN on the real export, for every query of the code base:
            --   ix_order_lines_date            MIN/MAX(order_date) of the dataset summary: kept;
            --   ix_order_lines_category_date,
            --   ix_order_lines_state_date      the What-if choices' SELECT DISTINCT category/state (a covering scan,
            --                                  0.05 s against 0.2 s without): kept while that query exists;
            --   ix_order_lines_status_date     only the cancellation model's training read, status_group IN (4 of 7
            --                                  groups), where it makes the read slower (4.0 s with it, 1.8 s with a
            --                                  table scan, same run): dropped; it also cost every import its upkeep;
            --   ux_order_lines_key             the upsert and the frame's ORDER BY order_id; ix_order_lines_batch undo.
            DROP INDEX IF EXISTS ix_order_lines_status_date;
            """),
        new(8, "weekly digest subscriptions, and one row per digest sent", """
            -- Issue 14. A subscription: who, to which address, when (a day and hour in the subscriber's time zone) and
            -- with which of the weekly page's filters. A send: one row per subscription and reviewed week, written when the
            -- digest falls due and before it is sent, so that a restart neither repeats nor skips it.
            CREATE TABLE digest_subscriptions (
                id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                email TEXT NOT NULL,
                day_of_week TEXT NOT NULL,
                hour INTEGER NOT NULL,
                time_zone TEXT NOT NULL,
                filter TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE INDEX ix_digest_subscriptions_user ON digest_subscriptions (user_id);

            CREATE TABLE digest_sends (
                id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                subscription_id INTEGER NOT NULL REFERENCES digest_subscriptions (id) ON DELETE CASCADE,
                week TEXT NOT NULL,
                due_at TEXT NOT NULL,
                state TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                next_attempt_at TEXT NULL,
                claimed_at TEXT NULL,
                sent_at TEXT NULL,
                last_error TEXT NULL
            );
            CREATE UNIQUE INDEX ux_digest_sends_week ON digest_sends (subscription_id, week);
            """),
        new(9, "the Data Protection key ring, kept in the store", """
            -- Issue 13. Sign-in cookies, antiforgery tokens and unsubscribe links are protected with these keys: kept in the
            -- store, they are the same for every instance that shares it and for the command line.
            CREATE TABLE data_protection_keys (
                id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                friendly_name TEXT NULL,
                xml TEXT NULL
            );
            """),
        new(10, "a daily rollup of the order lines, for stores past the frames' size", """
            -- Issue 13 (docs/decisions/0013-postgresql-store.md, "The rollup"). A cell: the lines of one day with the same
            -- values of every dimension the overview filters or groups by. orders: the orders whose lines all lie in this
            -- one cell, so that they add up over any set of cells. An order whose lines lie in several cells is counted
            -- through its shape instead: the set of cells it spans, one row per cell, with how many orders have exactly that
            -- set. Every import, undo and status-mapping change rewrites the cells and shapes of the days it touched
            -- (OrderRollup), in its own transaction; this step's data is written by the same code.
            CREATE TABLE rollup_cells (
                day TEXT NOT NULL,
                status_group TEXT NOT NULL,
                category TEXT NOT NULL,
                state TEXT NOT NULL,
                fulfilment TEXT NOT NULL,
                sales_channel TEXT NOT NULL,
                service_level TEXT NOT NULL,
                currency TEXT NOT NULL,
                b2b INTEGER NOT NULL,
                lines INTEGER NOT NULL,
                units INTEGER NOT NULL,
                amount_minor INTEGER NOT NULL,
                orders INTEGER NOT NULL
            );
            CREATE INDEX ix_rollup_cells_day ON rollup_cells (day);

            CREATE TABLE rollup_shapes (
                shape TEXT NOT NULL,
                orders INTEGER NOT NULL,
                day TEXT NOT NULL,
                status_group TEXT NOT NULL,
                category TEXT NOT NULL,
                state TEXT NOT NULL,
                fulfilment TEXT NOT NULL,
                sales_channel TEXT NOT NULL,
                service_level TEXT NOT NULL,
                currency TEXT NOT NULL,
                b2b INTEGER NOT NULL
            );
            CREATE INDEX ix_rollup_shapes_day ON rollup_shapes (day);
            CREATE INDEX ix_rollup_shapes_shape ON rollup_shapes (shape);
            """) { Data = Orders.Rollup.RollupWriter.RebuildAll },
        new(11, "addresses confirmed for a user's mail, and the mail sent, for the hourly limits", """
            -- docs/decisions/0019-mail-confirmed-addresses.md. A recipient: an address a user gave, confirmed once the link
            -- sent to it was followed; deleted when the address unsubscribes. A send: one row per mail to a user-given
            -- address, counted per user and per address over the last hour (Unix milliseconds: both stores compare them).
            CREATE TABLE mail_recipients (
                id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                address TEXT NOT NULL,
                requested_at TEXT NOT NULL,
                confirmed_at TEXT NULL
            );
            CREATE UNIQUE INDEX ux_mail_recipients_user_address ON mail_recipients (user_id, address);

            CREATE TABLE mail_sends (
                id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                user_id INTEGER NOT NULL,
                address TEXT NOT NULL,
                kind TEXT NOT NULL,
                at_unix_ms INTEGER NOT NULL
            );
            CREATE INDEX ix_mail_sends_user ON mail_sends (user_id, at_unix_ms);
            CREATE INDEX ix_mail_sends_address ON mail_sends (address, at_unix_ms);
            """),
        new(12, "a digest subscription's number format", """
            -- docs/decisions/0025-display-culture.md. The culture a subscriber's digest is written in (its numbers, amounts and
            -- the charts' ticks); none: the display culture's default.
            ALTER TABLE digest_subscriptions ADD COLUMN culture TEXT NULL;
            """),
        new(13, "events on the timeline", """
            -- docs/decisions/0033-timeline-events.md. A label on a day or a range of days (start and end inclusive, as
            -- yyyy-MM-dd), for every category and state or for one of each; exclude_from_models: its days are left out of a
            -- model's fit and of anomaly detection where the event's scope covers the filter. Who made it and when.
            CREATE TABLE timeline_events (
                id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                label TEXT NOT NULL,
                start_date TEXT NOT NULL,
                end_date TEXT NOT NULL,
                category TEXT NULL,
                state TEXT NULL,
                exclude_from_models INTEGER NOT NULL DEFAULT 0,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE INDEX ix_timeline_events_start ON timeline_events (start_date);
            """),
        new(14, "saved views: a page with its filters under a name, private or shared, and each user's start page", """
            -- docs/decisions/0031-saved-views.md. A view: its owner, a name, one of the app's pages and that page's query
            -- string (filters, and in the rows explorer the sort, page and columns), shared with everyone or not. A start view:
            -- the view a user's root address opens; it goes when the view or the user goes.
            CREATE TABLE saved_views (
                id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
                owner_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                page TEXT NOT NULL,
                query TEXT NOT NULL,
                is_shared INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE INDEX ix_saved_views_owner ON saved_views (owner_id);

            CREATE TABLE start_views (
                user_id INTEGER NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                view_id INTEGER NOT NULL REFERENCES saved_views (id) ON DELETE CASCADE
            );
            """),
        new(15, "indexes in the rows' sorts past the frame: amount descending and date, each with the id", """
            -- docs/decisions/0035-keyset-rows.md. A page of rows read from the store in (value, id) order stops after its
            -- 50 lines instead of sorting every line the filter passes. The date index gains the id (the tie-break) and
            -- replaces the date-only one, which it serves as well; IF NOT EXISTS: a large store may have them built
            -- beforehand, concurrently.
            CREATE INDEX IF NOT EXISTS ix_order_lines_amount_id ON order_lines (amount_minor DESC, id);
            CREATE INDEX IF NOT EXISTS ix_order_lines_date_id ON order_lines (order_date, id);
            DROP INDEX IF EXISTS ix_order_lines_date;
            """),
        AlertsSchemaStep.Step,
    ];
}
