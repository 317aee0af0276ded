//! MoMo / GiftPop vouchers on the sale being paid.

use quay_app::vouchers::{PaymentView, VoucherView};
use tauri::State;

use super::{call, Reply, Shared};

/// What the hub says of a voucher code for the cart on the screen (nothing applied).
#[tauri::command]
pub async fn voucher_check(c: State<'_, Shared>, partner: String, code: String) -> Reply<VoucherView> {
    call(&c, move |c, who| c.check_voucher(&c.checkout, who, &partner, &code)).await
}

/// Applies a voucher to the sale being paid (redeemed when it closes).
#[tauri::command]
pub async fn voucher_apply(c: State<'_, Shared>, partner: String, code: String) -> Reply<PaymentView> {
    call(&c, move |c, who| {
        c.apply_voucher(&c.checkout, who, &partner, &code)?;
        c.payment_view(&c.checkout, who)
    })
    .await
}

#[tauri::command]
pub async fn voucher_remove(c: State<'_, Shared>, partner: String, code: String) -> Reply<PaymentView> {
    call(&c, move |c, who| {
        c.remove_voucher(&c.checkout, who, &partner, &code)?;
        c.payment_view(&c.checkout, who)
    })
    .await
}

/// The payment screen: total, card paid, vouchers applied, due.
#[tauri::command]
pub async fn payment_view(c: State<'_, Shared>) -> Reply<PaymentView> {
    call(&c, move |c, who| c.payment_view(&c.checkout, who)).await
}
