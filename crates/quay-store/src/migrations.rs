//! The schema's history. Forward only: a released migration is never edited, a change is
//! a new one appended. Tests migrate from an empty file and from every earlier version.

use rusqlite::Connection;
use rusqlite_migration::{Migrations, SchemaVersion, M};

const STEPS: &[&str] = &[
    // 1: settings and the menu document.
    "CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT;
    CREATE TABLE menu (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        version    INTEGER NOT NULL,
        currency   TEXT NOT NULL,
        hash       TEXT NOT NULL,
        snapshot   TEXT NOT NULL,
        applied_at TEXT NOT NULL
    ) STRICT;",
    // 2: sales, their lines and tenders.
    "CREATE TABLE sales (
        id            TEXT PRIMARY KEY,
        receipt_no    TEXT NOT NULL UNIQUE,
        status        TEXT NOT NULL CHECK (status IN ('closed', 'voided')),
        void_of       TEXT UNIQUE REFERENCES sales(id),
        business_date TEXT NOT NULL,
        opened_at     TEXT NOT NULL,
        closed_at     TEXT NOT NULL,
        currency      TEXT NOT NULL,
        total         INTEGER NOT NULL,
        tax_total     INTEGER NOT NULL,
        cashier       TEXT NOT NULL,
        CHECK ((status = 'voided') = (void_of IS NOT NULL))
    ) STRICT;
    CREATE INDEX sales_by_day ON sales(business_date, closed_at);
    CREATE TABLE sale_lines (
        sale_id     TEXT NOT NULL REFERENCES sales(id),
        line_no     INTEGER NOT NULL,
        item_id     TEXT NOT NULL,
        sku         TEXT,
        name        TEXT NOT NULL,
        qty         INTEGER NOT NULL,
        unit_price  INTEGER NOT NULL,
        tax_rate_bp INTEGER NOT NULL,
        line_total  INTEGER NOT NULL,
        note        TEXT,
        options     TEXT NOT NULL,
        PRIMARY KEY (sale_id, line_no)
    ) STRICT;
    CREATE TABLE sale_tenders (
        sale_id   TEXT NOT NULL REFERENCES sales(id),
        seq       INTEGER NOT NULL,
        kind      TEXT NOT NULL CHECK (kind IN ('cash', 'card', 'voucher', 'wallet')),
        amount    INTEGER NOT NULL,
        tendered  INTEGER,
        change    INTEGER,
        partner   TEXT,
        reference TEXT,
        PRIMARY KEY (sale_id, seq)
    ) STRICT;",
    // 3: receipt numbers that never repeat, immutable sales, and who approved a void.
    "CREATE TABLE receipt_seq (
        counter TEXT PRIMARY KEY,
        last    INTEGER NOT NULL
    ) STRICT;
    INSERT INTO receipt_seq(counter, last)
        SELECT substr(receipt_no, 1, instr(receipt_no, '-') - 1),
               max(CAST(substr(receipt_no, instr(receipt_no, '-') + 1) AS INTEGER))
        FROM sales WHERE instr(receipt_no, '-') > 0
        GROUP BY 1;
    ALTER TABLE sales ADD COLUMN void_reason TEXT;
    ALTER TABLE sales ADD COLUMN approved_by TEXT;
    CREATE TRIGGER sales_immutable_u BEFORE UPDATE ON sales BEGIN SELECT RAISE(ABORT, 'sales are immutable'); END;
    CREATE TRIGGER sales_immutable_d BEFORE DELETE ON sales BEGIN SELECT RAISE(ABORT, 'sales are immutable'); END;
    CREATE TRIGGER lines_immutable_u BEFORE UPDATE ON sale_lines BEGIN SELECT RAISE(ABORT, 'sales are immutable'); END;
    CREATE TRIGGER lines_immutable_d BEFORE DELETE ON sale_lines BEGIN SELECT RAISE(ABORT, 'sales are immutable'); END;
    CREATE TRIGGER tenders_immutable_u BEFORE UPDATE ON sale_tenders BEGIN SELECT RAISE(ABORT, 'sales are immutable'); END;
    CREATE TRIGGER tenders_immutable_d BEFORE DELETE ON sale_tenders BEGIN SELECT RAISE(ABORT, 'sales are immutable'); END;",
    // 4: the outbox to the hub (every sale and void already written is queued too), and
    // encrypted secrets.
    "CREATE TABLE outbox (
        sale_id     TEXT PRIMARY KEY REFERENCES sales(id),
        enqueued_at TEXT NOT NULL,
        attempts    INTEGER NOT NULL DEFAULT 0,
        last_error  TEXT,
        state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'rejected')),
        reason      TEXT
    ) STRICT;
    INSERT INTO outbox(sale_id, enqueued_at) SELECT id, closed_at FROM sales ORDER BY rowid;
    CREATE TABLE secrets (
        key        TEXT PRIMARY KEY,
        nonce      BLOB NOT NULL,
        ciphertext BLOB NOT NULL
    ) STRICT;",
    // 5: the payment journal: every card attempt, written before the terminal is called,
    // and an append-only log of each of its states.
    "CREATE TABLE payments (
        key           TEXT PRIMARY KEY,
        sale_id       TEXT NOT NULL,
        attempt       INTEGER NOT NULL CHECK (attempt >= 1),
        terminal      TEXT NOT NULL CHECK (terminal IN ('zvt', 'viva')),
        kind          TEXT NOT NULL CHECK (kind IN ('sale', 'refund', 'reversal')),
        amount        INTEGER NOT NULL CHECK (amount > 0),
        currency      TEXT NOT NULL,
        state         TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'approved', 'declined', 'unknown', 'cancelled')),
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        cart          TEXT,
        terminal_id   TEXT,
        masked_pan    TEXT,
        brand         TEXT,
        auth_code     TEXT,
        rrn           TEXT,
        trace         TEXT,
        receipt_no    TEXT,
        provider_ref  TEXT,
        result_code   TEXT,
        result_source TEXT,
        message       TEXT,
        UNIQUE (sale_id, kind, attempt)
    ) STRICT;
    CREATE INDEX payments_by_state ON payments(state);
    CREATE TABLE payment_events (
        id     INTEGER PRIMARY KEY,
        key    TEXT NOT NULL REFERENCES payments(key),
        at     TEXT NOT NULL,
        state  TEXT NOT NULL,
        detail TEXT
    ) STRICT;
    CREATE TRIGGER payment_events_u BEFORE UPDATE ON payment_events BEGIN SELECT RAISE(ABORT, 'the payment log is append-only'); END;
    CREATE TRIGGER payment_events_d BEFORE DELETE ON payment_events BEGIN SELECT RAISE(ABORT, 'the payment log is append-only'); END;
    CREATE TRIGGER payments_d BEFORE DELETE ON payments BEGIN SELECT RAISE(ABORT, 'payments are never deleted'); END;",
    // 6: staff with PIN roles, the PIN pad's counter-wide throttle, and the hash-chained
    // audit log (append-only; each insert must continue the chain).
    "CREATE TABLE staff (
        id              TEXT PRIMARY KEY,
        name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
        role            TEXT NOT NULL CHECK (role IN ('cashier', 'manager', 'technician')),
        pin_hash        TEXT NOT NULL CHECK (pin_hash LIKE '$argon2id$%'),
        active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        locked_until    TEXT,
        created_at      TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER staff_d BEFORE DELETE ON staff BEGIN SELECT RAISE(ABORT, 'staff are deactivated, never deleted'); END;
    CREATE TABLE auth_throttle (
        scope           TEXT PRIMARY KEY,
        failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        locked_until    TEXT
    ) STRICT;
    CREATE TABLE audit_log (
        seq       INTEGER PRIMARY KEY CHECK (seq >= 1),
        at        TEXT NOT NULL,
        actor     TEXT NOT NULL,
        action    TEXT NOT NULL,
        subject   TEXT NOT NULL,
        before    TEXT,
        after     TEXT,
        prev_hash TEXT NOT NULL,
        hash      TEXT NOT NULL UNIQUE
    ) STRICT;
    CREATE TRIGGER audit_log_u BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_log_d BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
        WHEN NEW.seq IS NOT coalesce((SELECT max(seq) FROM audit_log), 0) + 1
          OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), printf('%.64d', 0))
        BEGIN SELECT RAISE(ABORT, 'an audit entry must continue the chain'); END;",
    // 7: the terminal's printed lines (the customer's slip), kept with the payment.
    "ALTER TABLE payments ADD COLUMN print_lines TEXT;",
    // 8: day-end: bank batch files (each file once, by fingerprint; each line once, by its
    // stable id and occurrence), the manager's settlements, the terminal's closed batches,
    // saved custom bank mappings, and the day's close. All append-only except the presets.
    "CREATE TABLE bank_presets (
        name     TEXT PRIMARY KEY CHECK (length(trim(name)) > 0),
        preset   TEXT NOT NULL,
        saved_by TEXT NOT NULL,
        saved_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE bank_imports (
        id            INTEGER PRIMARY KEY,
        fingerprint   TEXT NOT NULL UNIQUE,
        business_date TEXT NOT NULL,
        preset        TEXT NOT NULL,
        file_name     TEXT,
        lines         INTEGER NOT NULL CHECK (lines >= 0),
        new_lines     INTEGER NOT NULL CHECK (new_lines >= 0),
        imported_by   TEXT NOT NULL,
        imported_at   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX bank_imports_by_day ON bank_imports(business_date);
    CREATE TABLE bank_lines (
        id         TEXT NOT NULL,
        occurrence INTEGER NOT NULL CHECK (occurrence >= 0),
        import_id  INTEGER NOT NULL REFERENCES bank_imports(id),
        line_no    INTEGER NOT NULL,
        data       TEXT NOT NULL,
        UNIQUE (id, occurrence)
    ) STRICT;
    CREATE INDEX bank_lines_by_import ON bank_lines(import_id);
    CREATE TABLE bank_settlements (
        seq           INTEGER PRIMARY KEY,
        business_date TEXT NOT NULL,
        action        TEXT NOT NULL CHECK (action IN ('link', 'next_batch', 'enter_by_hand')),
        bank_id       TEXT,
        payment_id    TEXT,
        reason        TEXT,
        settlement    TEXT NOT NULL,
        actor         TEXT NOT NULL,
        at            TEXT NOT NULL
    ) STRICT;
    CREATE INDEX bank_settlements_by_day ON bank_settlements(business_date);
    CREATE TABLE terminal_batches (
        seq           INTEGER PRIMARY KEY,
        business_date TEXT NOT NULL,
        terminal      TEXT NOT NULL,
        result        TEXT NOT NULL,
        closed_by     TEXT NOT NULL,
        closed_at     TEXT NOT NULL
    ) STRICT;
    CREATE TABLE day_closes (
        business_date   TEXT PRIMARY KEY,
        currency        TEXT NOT NULL,
        cash_expected   INTEGER NOT NULL,
        cash_counted    INTEGER,
        cash_difference INTEGER,
        reason          TEXT,
        closed_by       TEXT NOT NULL,
        closed_at       TEXT NOT NULL,
        totals          TEXT NOT NULL,
        CHECK ((cash_counted IS NULL) = (cash_difference IS NULL))
    ) STRICT;
    CREATE TRIGGER bank_imports_u BEFORE UPDATE ON bank_imports BEGIN SELECT RAISE(ABORT, 'bank imports are append-only'); END;
    CREATE TRIGGER bank_imports_d BEFORE DELETE ON bank_imports BEGIN SELECT RAISE(ABORT, 'bank imports are append-only'); END;
    CREATE TRIGGER bank_lines_u BEFORE UPDATE ON bank_lines BEGIN SELECT RAISE(ABORT, 'bank lines are append-only'); END;
    CREATE TRIGGER bank_lines_d BEFORE DELETE ON bank_lines BEGIN SELECT RAISE(ABORT, 'bank lines are append-only'); END;
    CREATE TRIGGER bank_settlements_u BEFORE UPDATE ON bank_settlements BEGIN SELECT RAISE(ABORT, 'settlements are append-only'); END;
    CREATE TRIGGER bank_settlements_d BEFORE DELETE ON bank_settlements BEGIN SELECT RAISE(ABORT, 'settlements are append-only'); END;
    CREATE TRIGGER terminal_batches_u BEFORE UPDATE ON terminal_batches BEGIN SELECT RAISE(ABORT, 'terminal batches are append-only'); END;
    CREATE TRIGGER terminal_batches_d BEFORE DELETE ON terminal_batches BEGIN SELECT RAISE(ABORT, 'terminal batches are append-only'); END;
    CREATE TRIGGER day_closes_u BEFORE UPDATE ON day_closes BEGIN SELECT RAISE(ABORT, 'a closed day is final'); END;
    CREATE TRIGGER day_closes_d BEFORE DELETE ON day_closes BEGIN SELECT RAISE(ABORT, 'a closed day is final'); END;",
    // 9: voucher redemptions, journaled (with their idempotency key) before the hub is
    // asked to redeem; a lost answer is settled by asking the hub for that key.
    "CREATE TABLE voucher_redemptions (
        key           TEXT PRIMARY KEY,
        sale_id       TEXT NOT NULL,
        partner       TEXT NOT NULL,
        code          TEXT NOT NULL,
        amount        INTEGER NOT NULL,
        currency      TEXT NOT NULL,
        state         TEXT NOT NULL CHECK (state IN ('pending', 'redeemed', 'failed', 'reversed')),
        redemption_id TEXT,
        detail        TEXT,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
    ) STRICT;
    CREATE INDEX voucher_redemptions_by_sale ON voucher_redemptions(sale_id);
    CREATE TRIGGER voucher_redemptions_d BEFORE DELETE ON voucher_redemptions BEGIN SELECT RAISE(ABORT, 'redemptions are never deleted'); END;",
    // 10: the issuer's response code a provider passes on beside its own reason code (Viva's
    // ResponseCode beside its ResponseEventId): both are shown with a decline.
    "ALTER TABLE payments ADD COLUMN issuer_code TEXT;",
    // 11: who took each card payment (the staff member signed in, or the counter's label
    // when nobody is): attempts journaled before it was kept have none.
    "ALTER TABLE payments ADD COLUMN taken_by TEXT;",
    // 12: wallets. The journal takes any partner's name (`terminal` was limited to zvt
    // and viva: SQLite cannot drop a CHECK, so both tables are rebuilt, rows and log kept);
    // the merchant order id a wallet knows the attempt by, written with the attempt before
    // any call (one per partner: a lost answer is asked about by it); when the cashier
    // stopped waiting for it (a payment arriving later is "paid, not used" once the sale
    // closed another way); and which payment a refund pays back.
    "DROP TRIGGER payment_events_u;
    DROP TRIGGER payment_events_d;
    DROP TRIGGER payments_d;
    CREATE TABLE payments_v12 (
        key           TEXT PRIMARY KEY,
        sale_id       TEXT NOT NULL,
        attempt       INTEGER NOT NULL CHECK (attempt >= 1),
        terminal      TEXT NOT NULL CHECK (length(terminal) BETWEEN 1 AND 32),
        kind          TEXT NOT NULL CHECK (kind IN ('sale', 'refund', 'reversal')),
        amount        INTEGER NOT NULL CHECK (amount > 0),
        currency      TEXT NOT NULL,
        state         TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'approved', 'declined', 'unknown', 'cancelled')),
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        cart          TEXT,
        terminal_id   TEXT,
        masked_pan    TEXT,
        brand         TEXT,
        auth_code     TEXT,
        rrn           TEXT,
        trace         TEXT,
        receipt_no    TEXT,
        provider_ref  TEXT,
        result_code   TEXT,
        result_source TEXT,
        message       TEXT,
        print_lines   TEXT,
        issuer_code   TEXT,
        taken_by      TEXT,
        order_id      TEXT,
        given_up_at   TEXT,
        refund_of     TEXT REFERENCES payments_v12(key),
        UNIQUE (sale_id, kind, attempt)
    ) STRICT;
    INSERT INTO payments_v12(key, sale_id, attempt, terminal, kind, amount, currency, state, created_at, updated_at, cart,
        terminal_id, masked_pan, brand, auth_code, rrn, trace, receipt_no, provider_ref, result_code, result_source, message,
        print_lines, issuer_code, taken_by)
    SELECT key, sale_id, attempt, terminal, kind, amount, currency, state, created_at, updated_at, cart,
        terminal_id, masked_pan, brand, auth_code, rrn, trace, receipt_no, provider_ref, result_code, result_source, message,
        print_lines, issuer_code, taken_by FROM payments;
    CREATE TABLE payment_events_v12 (
        id     INTEGER PRIMARY KEY,
        key    TEXT NOT NULL REFERENCES payments_v12(key),
        at     TEXT NOT NULL,
        state  TEXT NOT NULL,
        detail TEXT
    ) STRICT;
    INSERT INTO payment_events_v12(id, key, at, state, detail) SELECT id, key, at, state, detail FROM payment_events;
    DROP TABLE payment_events;
    DROP TABLE payments;
    ALTER TABLE payments_v12 RENAME TO payments;
    ALTER TABLE payment_events_v12 RENAME TO payment_events;
    CREATE INDEX payments_by_state ON payments(state);
    CREATE UNIQUE INDEX payments_by_order_id ON payments(terminal, order_id) WHERE order_id IS NOT NULL;
    CREATE TRIGGER payment_events_u BEFORE UPDATE ON payment_events BEGIN SELECT RAISE(ABORT, 'the payment log is append-only'); END;
    CREATE TRIGGER payment_events_d BEFORE DELETE ON payment_events BEGIN SELECT RAISE(ABORT, 'the payment log is append-only'); END;
    CREATE TRIGGER payments_d BEFORE DELETE ON payments BEGIN SELECT RAISE(ABORT, 'payments are never deleted'); END;",
    // 13: Alipay smart store. `alipay_sync` is the outbox of order syncs (a row per sale
    // paid by Alipay, written with the sale or its void, deleted on Alipay's
    // acknowledgement); what was published is remembered by content hash so only changed
    // items are sent again; the shop's asynchronous creation; what only the merchant
    // portal shows, confirmed by a person.
    "CREATE TABLE alipay_sync (
        sale_id     TEXT PRIMARY KEY,
        voided      INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0, 1)),
        enqueued_at TEXT NOT NULL,
        attempts    INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error  TEXT
    );
    CREATE TABLE alipay_items (
        out_item_id  TEXT PRIMARY KEY CHECK (length(out_item_id) BETWEEN 1 AND 64),
        item_id      TEXT,
        hash         TEXT NOT NULL CHECK (length(hash) = 64),
        published_at TEXT NOT NULL
    );
    CREATE TABLE alipay_shop (
        store_id     TEXT PRIMARY KEY CHECK (length(store_id) BETWEEN 1 AND 32),
        order_id     TEXT NOT NULL,
        shop_id      TEXT,
        status       TEXT NOT NULL,
        requested_at TEXT NOT NULL,
        checked_at   TEXT NOT NULL
    );
    CREATE TABLE alipay_confirmations (
        what TEXT PRIMARY KEY CHECK (what IN ('trade_switch', 'coupons')),
        by   TEXT NOT NULL,
        at   TEXT NOT NULL
    );",
    // 14: a manager's partial refund (the sale stays closed) is told apart from a void's
    // refunds: the day's totals count it on its own day, and a later void only what it
    // gave back.
    "ALTER TABLE payments ADD COLUMN partial INTEGER NOT NULL DEFAULT 0 CHECK (partial IN (0, 1));",
    // Nhanh.vn (issue 16): the connection's history, the outbox of sales and order status
    // writes (deleted only on Nhanh's acknowledgement), the orders of Nhanh's channels, the
    // webhook deliveries persisted before their 200, and customers by mobile.
    crate::nhanh::MIGRATION,
    // The menu as rows (issue 16): one per category, option group and item, ordered by
    // `pos` within its kind, so that a change set writes only what it touches; the
    // document is moved into them. SQLite cannot hash: the hashes are left NULL for the
    // app to fill when it next opens the menu. The setting naming who last supplied the
    // menu, `menu.source`, is now `menu.origin` (`menu.source` becomes a technician's
    // choice of supplier).
    "CREATE TABLE menu_meta (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        version    INTEGER NOT NULL CHECK (version >= 0),
        currency   TEXT NOT NULL,
        updated_at TEXT,
        hash       TEXT,
        applied_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE menu_entities (
        kind TEXT NOT NULL CHECK (kind IN ('category', 'option_group', 'item')),
        id   TEXT NOT NULL,
        pos  INTEGER NOT NULL,
        hash TEXT,
        body TEXT NOT NULL,
        PRIMARY KEY (kind, id)
    ) STRICT;
    CREATE UNIQUE INDEX menu_entities_by_pos ON menu_entities(kind, pos);
    INSERT INTO menu_meta(id, version, currency, updated_at, hash, applied_at)
        SELECT 1, version, currency, json_extract(snapshot, '$.updated_at'), NULL, applied_at FROM menu;
    INSERT INTO menu_entities(kind, id, pos, hash, body)
        SELECT 'category', json_extract(e.value, '$.id'), e.key, NULL, e.value FROM menu, json_each(menu.snapshot, '$.categories') AS e;
    INSERT INTO menu_entities(kind, id, pos, hash, body)
        SELECT 'option_group', json_extract(e.value, '$.id'), e.key, NULL, e.value FROM menu, json_each(menu.snapshot, '$.option_groups') AS e;
    INSERT INTO menu_entities(kind, id, pos, hash, body)
        SELECT 'item', json_extract(e.value, '$.id'), e.key, NULL, e.value FROM menu, json_each(menu.snapshot, '$.items') AS e;
    DROP TABLE menu;
    UPDATE settings SET key = 'menu.origin' WHERE key = 'menu.source';",
    // Bank virtual POS (issue 17): the definitions, what a virtual POS payment adds to
    // its journal row, the bank's list of a day and the transactions entered by hand.
    crate::vpos::MIGRATION,
    // Partner connection records (issue 18): the deployment note and the record of each
    // partner, the proofs of `connected`, and the records' outbox to the hub.
    crate::connections::MIGRATION,
    // Printers (issue 19): the print jobs, written with the sale or void that causes them.
    crate::print::MIGRATION,
    // The order open on the window's screen, kept as it changes: a restart brings it back.
    crate::open_order::MIGRATION,
];

pub const LATEST: usize = STEPS.len();

pub fn migrations() -> Migrations<'static> {
    Migrations::new(STEPS.iter().map(|s| M::up(s)).collect())
}

pub fn current_version(conn: &Connection) -> Result<usize, rusqlite_migration::Error> {
    Ok(match migrations().current_version(conn)? {
        SchemaVersion::Inside(v) => v.get(),
        SchemaVersion::NoneSet | SchemaVersion::Outside(_) => 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite_migration::Migrations;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    /// From every earlier version, with a sale written at that version where the schema
    /// has sales, the latest schema is reached and the sale survives with its receipt
    /// number counted.
    #[test]
    fn migrate_from_each_earlier_version() {
        for from in 0..LATEST {
            let mut conn = Connection::open_in_memory().unwrap();
            let m: Migrations = migrations();
            m.to_version(&mut conn, from).unwrap();
            assert_eq!(current_version(&conn).unwrap(), from);
            if from >= 2 {
                conn.execute_batch(
                    "INSERT INTO sales(id, receipt_no, status, business_date, opened_at, closed_at, currency, total, tax_total, cashier)
                     VALUES ('s1', 'C1-000041', 'closed', '2026-11-22', 't', 't', 'VND', 1, 0, 'x');",
                )
                .unwrap();
            }
            if from == 5 {
                conn.execute_batch(
                    "INSERT INTO payments(key, sale_id, attempt, terminal, kind, amount, currency, state, created_at, updated_at)
                     VALUES ('p1', 's1', 1, 'zvt', 'sale', 1, 'VND', 'approved', 't', 't');
                     INSERT INTO payment_events(key, at, state) VALUES ('p1', 't', 'approved');",
                )
                .unwrap();
            }
            m.to_latest(&mut conn).unwrap();
            assert_eq!(current_version(&conn).unwrap(), LATEST, "from {from}");
            if (2..4).contains(&from) {
                let queued: i64 = conn.query_row("SELECT count(*) FROM outbox WHERE sale_id = 's1'", [], |r| r.get(0)).unwrap();
                assert_eq!(queued, 1, "sales written before the outbox existed are queued for the hub");
            }
            if from == 5 {
                // Staff and the audit log start empty; existing payments are untouched.
                let counts: (i64, i64) = conn
                    .query_row("SELECT (SELECT count(*) FROM staff), (SELECT count(*) FROM audit_log)", [], |r| Ok((r.get(0)?, r.get(1)?)))
                    .unwrap();
                assert_eq!(counts, (0, 0));
                let kept: i64 = conn
                    .query_row("SELECT count(*) FROM payments p JOIN payment_events e USING (key) WHERE p.state = 'approved'", [], |r| {
                        r.get(0)
                    })
                    .unwrap();
                assert_eq!(kept, 1, "the payment journal survives");
                let issuer: Option<String> = conn.query_row("SELECT issuer_code FROM payments WHERE key = 'p1'", [], |r| r.get(0)).unwrap();
                assert_eq!(issuer, None, "attempts journaled before issuer codes were kept have none");
                let taken_by: Option<String> = conn.query_row("SELECT taken_by FROM payments WHERE key = 'p1'", [], |r| r.get(0)).unwrap();
                assert_eq!(taken_by, None, "attempts journaled before who took them was kept name nobody");
            }
            if from == 2 {
                let last: i64 = conn.query_row("SELECT last FROM receipt_seq WHERE counter = 'C1'", [], |r| r.get(0)).unwrap();
                assert_eq!(last, 41, "the sequence continues after the sales already written");
            }
        }
    }
}
