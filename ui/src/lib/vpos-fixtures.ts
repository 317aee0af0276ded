// Test data for the virtual POS screens and helpers (not a test file itself).
import type { DefinitionView, KindView, LogRow, VposChoice, VposPaymentView } from './vpos';

export const NESTPAY: KindView = {
  kind: 'nestpay', implemented: true, supports_link: true,
  fields: [{ name: 'client_id', secret: false }, { name: 'username', secret: false }, { name: 'password', secret: true }, { name: 'store_key', secret: true }],
};
export const GARANTI: KindView = {
  kind: 'garanti', implemented: true, supports_link: false,
  fields: [
    { name: 'merchant_id', secret: false }, { name: 'terminal_id', secret: false }, { name: 'prov_user', secret: false },
    { name: 'prov_password', secret: true }, { name: 'refund_user', secret: false }, { name: 'refund_password', secret: true },
    { name: 'store_key', secret: true },
  ],
};
export const POSNET: KindView = {
  kind: 'posnet', implemented: false, supports_link: false,
  fields: [{ name: 'merchant_id', secret: false }, { name: 'terminal_id', secret: false }, { name: 'posnet_id', secret: false }, { name: 'store_key', secret: true }],
};

export const definition: DefinitionView = {
  name: 'Akbank', kind: 'nestpay', mode: 'test', api_url: 'http://127.0.0.1:9100/fim/api', gate_url: 'http://127.0.0.1:9100/fim/est3Dgate',
  currency: 'TRY', three_d: 'optional', static_ip: '203.0.113.7',
  fields: [
    { name: 'client_id', value: '100200300', secret: false }, { name: 'username', value: 'QUAYAPI', secret: false },
    { name: 'password', value: '********', secret: true }, { name: 'store_key', value: '********', secret: true },
  ],
  implemented: true, supports_link: true,
  created_at: '2026-12-03T08:00:00Z', updated_at: '2026-12-03T09:00:00Z',
};

export const choice: VposChoice = { name: 'Akbank', kind: 'nestpay', moto: true, link: true };

export const payment = (state: VposPaymentView['state'], more: Partial<VposPaymentView> = {}): VposPaymentView => ({
  key: `k-${more.order_id ?? '1'}`, order_id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0-1', definition: 'Akbank', kind: 'sale', state,
  amount: { minor: 12550, major: '125.50', text: '₺125.50' }, error_code: null, sale_id: 's-1', for_sale: false,
  code: state === 'approved' ? '00' : '51', message: state === 'approved' ? 'Approved (00)' : 'Insufficient funds (51)',
  masked_pan: '450803******4509', brand: 'Visa', auth_code: state === 'approved' ? 'A1B2C3' : null, reference: 'Catering 12',
  phone: null, note: null, channel: 'moto', taken_by: 'Lan', at: '2026-12-03T09:12:00Z', voided: false, refunded: null, ...more,
});

export const logRow = (state: VposPaymentView['state'], more: Partial<LogRow> = {}): LogRow => payment(state, more);
