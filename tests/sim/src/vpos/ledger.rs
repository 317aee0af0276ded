//! The bank's ledger, shared by both gateways: authorizations, voids, credits, batches and
//! statuses (partners-contracts.md §6 readings; docs/VPOS.md "Garanti readings" mirror them).

use serde::{Deserialize, Serialize};

use super::card;
use super::VposCurrency;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bank {
    Nestpay,
    Garanti,
}

impl Bank {
    pub fn as_str(self) -> &'static str {
        match self {
            Bank::Nestpay => "nestpay",
            Bank::Garanti => "garanti",
        }
    }
    pub fn parse(s: &str) -> Option<Bank> {
        match s {
            "nestpay" => Some(Bank::Nestpay),
            "garanti" => Some(Bank::Garanti),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TxKind {
    Auth,
    PreAuth,
    PostAuth,
    Void,
    Credit,
}

impl TxKind {
    /// The export's `Type` column.
    pub fn export_name(self) -> &'static str {
        match self {
            TxKind::Auth => "Sale",
            TxKind::PreAuth => "PreAuth",
            TxKind::PostAuth => "PostAuth",
            TxKind::Void => "Void",
            TxKind::Credit => "Refund",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Card typed by the cashier (API call).
    Moto,
    /// The 3-D hosted page.
    ThreeD,
}

/// One transaction as the bank keeps it. Only the masked card number is kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transaction {
    pub bank: Bank,
    pub order_id: String,
    pub kind: TxKind,
    /// Minor units of `currency`.
    pub amount: i64,
    pub currency: VposCurrency,
    pub approved: bool,
    /// `Approved` | `Declined` | `Error`.
    pub response: String,
    pub proc_return_code: String,
    pub error_code: Option<String>,
    pub err_msg: Option<String>,
    pub auth_code: Option<String>,
    /// HostRefNum (Garanti RetrefNum), 12 digits.
    pub host_ref: String,
    /// NestPay TransId.
    pub trans_id: String,
    /// Garanti SequenceNum.
    pub sequence: u64,
    /// Sim clock, unix seconds.
    pub at: i64,
    pub batch: u64,
    pub masked_pan: Option<String>,
    pub brand: Option<String>,
    /// Voided since (sales and credits).
    pub voided: bool,
    pub voided_at: Option<i64>,
    pub channel: Channel,
    pub md_status: Option<String>,
    /// For a Void: the trans id it voided.
    pub target: Option<String>,
    pub instalments: u32,
}

/// Why a request was refused without a decision of the issuer (Error/99).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    Credentials,
    BadXml,
    /// `Value for element 'X' is not valid.`
    BadElement(&'static str),
    BadCard,
    Instalments,
    Duplicate(String),
    VoidTooLate,
    CreditTooEarly,
    /// Nothing (approved and not voided) to void.
    NothingToVoid(String),
    NoSale(String),
    TooMuch,
    /// The query's "No record found for X".
    NotFound(String),
    Other(String),
}

impl Refusal {
    pub fn error_code(&self) -> Option<&'static str> {
        match self {
            Refusal::BadCard => Some("CORE-2012"),
            Refusal::Instalments => Some("CORE-2603"),
            Refusal::Duplicate(_) => Some("ORDER-DUPLICATE"),
            Refusal::VoidTooLate => Some("CORE-2008"),
            Refusal::CreditTooEarly => Some("CORE-2508"),
            _ => None,
        }
    }

    pub fn message(&self) -> String {
        match self {
            Refusal::Credentials => "Insufficient permissions to perform requested operation.".into(),
            Refusal::BadXml => "Invalid XML request".into(),
            Refusal::BadElement(e) => format!("Value for element '{e}' is not valid."),
            Refusal::BadCard => "Invalid card: check the card number and expiry date".into(),
            Refusal::Instalments => "Instalments are not allowed for this transaction".into(),
            Refusal::Duplicate(o) => format!("Duplicate order: {o} already has an approved authorization"),
            Refusal::VoidTooLate => "Void is not possible: the transaction is in a closed batch (end of day passed)".into(),
            Refusal::CreditTooEarly => "Credit is not possible: the sale is not yet in end-of-day".into(),
            Refusal::NothingToVoid(o) => format!("No record found for {o}: nothing to void"),
            Refusal::NoSale(o) => format!("No record found for {o}"),
            Refusal::TooMuch => "Refund amount exceeds the amount left on the sale".into(),
            Refusal::NotFound(o) => format!("No record found for {o}"),
            Refusal::Other(m) => m.clone(),
        }
    }
}

/// What the order looks like to a status query.
#[derive(Clone, Debug)]
pub struct OrderView {
    /// A | C | V | D.
    pub stat: &'static str,
    /// The approved authorization (or PostAuth), else the latest attempt.
    pub main: Transaction,
    pub refunded: i64,
    /// Captured amount (Auth, PostAuth; 0 for a PreAuth alone, a void, a decline).
    pub captured: i64,
}

/// The card as received (never kept).
pub struct CardIn<'a> {
    pub number: &'a str,
    pub expiry: Option<(i32, u32)>,
    /// None or empty = not sent.
    pub cvv: Option<&'a str>,
}

pub(crate) struct Ledger {
    pub txs: Vec<Transaction>,
    pub batch_no: u64,
    pub batch_day: chrono::NaiveDate,
    pub seq: u64,
}

pub(crate) struct Stamp {
    pub now: i64,
    pub today: chrono::NaiveDate,
    pub currency: VposCurrency,
}

impl Ledger {
    pub fn new(today: chrono::NaiveDate) -> Ledger {
        Ledger { txs: Vec::new(), batch_no: 1, batch_day: today, seq: 0 }
    }

    /// Closes the batch when the bank's local day moved on.
    pub fn roll(&mut self, today: chrono::NaiveDate) {
        if today > self.batch_day {
            self.batch_no += 1;
            self.batch_day = today;
        }
    }

    pub fn close_batch(&mut self, today: chrono::NaiveDate) {
        self.batch_no += 1;
        self.batch_day = today;
    }

    fn order_txs(&self, bank: Bank, order_id: &str) -> impl Iterator<Item = &Transaction> {
        let o = order_id.to_string();
        self.txs.iter().filter(move |t| t.bank == bank && t.order_id == o)
    }

    pub fn has_approved_auth(&self, bank: Bank, order_id: &str) -> bool {
        self.order_txs(bank, order_id).any(|t| t.approved && matches!(t.kind, TxKind::Auth | TxKind::PreAuth))
    }

    fn new_tx(&mut self, bank: Bank, order_id: &str, kind: TxKind, amount: i64, s: &Stamp, channel: Channel) -> Transaction {
        self.seq += 1;
        let r = super::random_digits(12);
        Transaction {
            bank,
            order_id: order_id.to_string(),
            kind,
            amount,
            currency: s.currency,
            approved: false,
            response: "Declined".into(),
            proc_return_code: "99".into(),
            error_code: None,
            err_msg: None,
            auth_code: None,
            host_ref: r,
            trans_id: format!("{}{:03}{}", s.today.format("%y"), chrono::Datelike::ordinal(&s.today), super::random_alnum(9)),
            sequence: self.seq,
            at: s.now,
            batch: self.batch_no,
            masked_pan: None,
            brand: None,
            voided: false,
            voided_at: None,
            channel,
            md_status: None,
            target: None,
            instalments: 0,
        }
    }

    fn approve(t: &mut Transaction) {
        t.approved = true;
        t.response = "Approved".into();
        t.proc_return_code = "00".into();
        t.auth_code = Some(super::random_digits(6));
    }

    /// Auth or PreAuth: duplicate check, card checks, the issuer. Declines are recorded.
    #[allow(clippy::too_many_arguments)]
    pub fn sale(
        &mut self,
        bank: Bank,
        order_id: &str,
        kind: TxKind,
        amount: i64,
        card_in: &CardIn<'_>,
        instalments: u32,
        channel: Channel,
        md_status: Option<&str>,
        s: &Stamp,
    ) -> Result<Transaction, Refusal> {
        if self.has_approved_auth(bank, order_id) {
            return Err(Refusal::Duplicate(order_id.to_string()));
        }
        let brand = card::check_number(card_in.number).ok_or(Refusal::BadCard)?;
        let expiry = card_in.expiry.ok_or(Refusal::BadCard)?;
        let mut t = self.new_tx(bank, order_id, kind, amount, s, channel);
        t.masked_pan = Some(card::masked(card_in.number));
        t.brand = Some(brand.name().to_string());
        t.instalments = instalments;
        t.md_status = md_status.map(str::to_string);
        let code = if card::expired(expiry, s.today) {
            "54"
        } else if card_in.cvv.is_some_and(|c| !c.is_empty() && !card::cvv_ok(c, brand)) {
            "82"
        } else {
            card::issuer_code(card_in.number)
        };
        if code == "00" {
            Self::approve(&mut t);
        } else {
            t.proc_return_code = code.to_string();
            t.error_code = Some(format!("ISO8583-{code}"));
            t.err_msg = Some(card::decline_text(code).to_string());
        }
        self.txs.push(t.clone());
        Ok(t)
    }

    /// A 3-D authentication that failed (mdStatus 0/5/6/7/8/9): recorded, nothing authorized.
    #[allow(clippy::too_many_arguments)]
    pub fn failed_3d(
        &mut self,
        bank: Bank,
        order_id: &str,
        kind: TxKind,
        amount: i64,
        md: &str,
        masked: Option<String>,
        s: &Stamp,
    ) -> Transaction {
        let mut t = self.new_tx(bank, order_id, kind, amount, s, Channel::ThreeD);
        t.md_status = Some(md.to_string());
        t.masked_pan = masked;
        if md == "7" {
            t.response = "Error".into();
            t.err_msg = Some("3-D Secure system error".into());
        } else {
            t.err_msg = Some(format!("3-D Secure authentication failed (mdStatus {md})"));
        }
        self.txs.push(t.clone());
        t
    }

    pub fn post_auth(&mut self, bank: Bank, order_id: &str, amount: Option<i64>, s: &Stamp) -> Result<Transaction, Refusal> {
        let pre = self
            .order_txs(bank, order_id)
            .filter(|t| t.approved && !t.voided && t.kind == TxKind::PreAuth)
            .last()
            .cloned()
            .ok_or_else(|| Refusal::NoSale(order_id.to_string()))?;
        if self.order_txs(bank, order_id).any(|t| t.approved && !t.voided && t.kind == TxKind::PostAuth) {
            return Err(Refusal::Other(format!("PostAuth already done for {order_id}")));
        }
        let amount = amount.unwrap_or(pre.amount);
        if amount > pre.amount {
            return Err(Refusal::Other("PostAuth amount exceeds the PreAuth".into()));
        }
        let mut t = self.new_tx(bank, order_id, TxKind::PostAuth, amount, s, pre.channel);
        t.masked_pan = pre.masked_pan.clone();
        t.brand = pre.brand.clone();
        Self::approve(&mut t);
        self.txs.push(t.clone());
        Ok(t)
    }

    /// Voids the order's latest approved unvoided transaction if it is in the open batch.
    /// `host_ref`, when given, must be that transaction's.
    pub fn void(&mut self, bank: Bank, order_id: &str, host_ref: Option<&str>, s: &Stamp) -> Result<Transaction, Refusal> {
        let idx =
            self.txs.iter().rposition(|t| t.bank == bank && t.order_id == order_id && t.approved && !t.voided && t.kind != TxKind::Void);
        let Some(idx) = idx else {
            return Err(if self.order_txs(bank, order_id).any(|t| t.approved) {
                Refusal::NothingToVoid(order_id.to_string())
            } else {
                Refusal::NoSale(order_id.to_string())
            });
        };
        if host_ref.is_some_and(|h| !h.is_empty() && h != self.txs[idx].host_ref) {
            return Err(Refusal::NotFound(order_id.to_string()));
        }
        if self.txs[idx].batch != self.batch_no {
            return Err(Refusal::VoidTooLate);
        }
        self.txs[idx].voided = true;
        self.txs[idx].voided_at = Some(s.now);
        let target = self.txs[idx].clone();
        let mut t = self.new_tx(bank, order_id, TxKind::Void, target.amount, s, target.channel);
        t.masked_pan = target.masked_pan.clone();
        t.brand = target.brand.clone();
        t.target = Some(target.trans_id.clone());
        Self::approve(&mut t);
        self.txs.push(t.clone());
        Ok(t)
    }

    fn sale_of(&self, bank: Bank, order_id: &str) -> Option<Transaction> {
        let post = self.order_txs(bank, order_id).filter(|t| t.approved && !t.voided && t.kind == TxKind::PostAuth).last();
        post.or_else(|| self.order_txs(bank, order_id).filter(|t| t.approved && !t.voided && t.kind == TxKind::Auth).last()).cloned()
    }

    pub fn refunded(&self, bank: Bank, order_id: &str) -> i64 {
        self.order_txs(bank, order_id).filter(|t| t.approved && !t.voided && t.kind == TxKind::Credit).map(|t| t.amount).sum()
    }

    /// Credit: a sale in a closed batch, at most what is left (None = all of it).
    pub fn credit(
        &mut self,
        bank: Bank,
        order_id: &str,
        amount: Option<i64>,
        host_ref: Option<&str>,
        s: &Stamp,
    ) -> Result<Transaction, Refusal> {
        let sale = self.sale_of(bank, order_id).ok_or_else(|| Refusal::NoSale(order_id.to_string()))?;
        if host_ref.is_some_and(|h| !h.is_empty() && h != sale.host_ref) {
            return Err(Refusal::NotFound(order_id.to_string()));
        }
        if sale.batch == self.batch_no {
            return Err(Refusal::CreditTooEarly);
        }
        let left = sale.amount - self.refunded(bank, order_id);
        let amount = amount.unwrap_or(left);
        if amount <= 0 || amount > left {
            return Err(Refusal::TooMuch);
        }
        let mut t = self.new_tx(bank, order_id, TxKind::Credit, amount, s, sale.channel);
        t.masked_pan = sale.masked_pan.clone();
        t.brand = sale.brand.clone();
        Self::approve(&mut t);
        self.txs.push(t.clone());
        Ok(t)
    }

    pub fn stat_of(&self, t: &Transaction) -> &'static str {
        if !t.approved {
            "D"
        } else if t.voided {
            "V"
        } else if t.batch < self.batch_no {
            "C"
        } else {
            "A"
        }
    }

    /// None = "No record found".
    pub fn view(&self, bank: Bank, order_id: &str) -> Option<OrderView> {
        let approved_main =
            self.order_txs(bank, order_id).filter(|t| t.approved && t.kind == TxKind::PostAuth && !t.voided).last().or_else(|| {
                self.order_txs(bank, order_id).filter(|t| t.approved && matches!(t.kind, TxKind::Auth | TxKind::PreAuth)).last()
            });
        let main = approved_main
            .or_else(|| self.order_txs(bank, order_id).filter(|t| matches!(t.kind, TxKind::Auth | TxKind::PreAuth)).last())?
            .clone();
        let stat = self.stat_of(&main);
        let captured = if main.approved && !main.voided && main.kind != TxKind::PreAuth { main.amount } else { 0 };
        Some(OrderView { stat, refunded: self.refunded(bank, order_id), captured, main })
    }

    /// The order's transactions, newest first.
    pub fn history(&self, bank: Bank, order_id: &str) -> Vec<Transaction> {
        let mut v: Vec<Transaction> = self.order_txs(bank, order_id).cloned().collect();
        v.reverse();
        v
    }
}
