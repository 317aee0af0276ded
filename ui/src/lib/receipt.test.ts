import { describe, expect, it } from 'vitest';
import type { ReceiptRow } from './api';
import { receiptLayout } from './receipt';

// The rows of an Arabic receipt as the backend sends them (views.rs `receipt`).
const rows: ReceiptRow[] = [
  { kind: 'title', text: 'Quay Café', amount: null },
  { kind: 'meta', text: 'إيصال رقم C1-000001', amount: null },
  { kind: 'rule', text: '', amount: null },
  { kind: 'item', text: '2 × قهوة بالحليب', amount: '90,000\u00a0₫' },
  { kind: 'option', text: 'كبير', amount: '+10,000\u00a0₫' },
  { kind: 'option', text: 'ثلج قليل', amount: null },
  { kind: 'note', text: 'بدون سكر', amount: null },
  { kind: 'rule', text: '', amount: null },
  { kind: 'total', text: 'الإجمالي', amount: '90,000\u00a0₫' },
  { kind: 'tax', text: 'شامل ضريبة القيمة المضافة 8%', amount: '6,667\u00a0₫' },
  { kind: 'tender', text: 'نقداً', amount: '90,000\u00a0₫' },
  { kind: 'footer', text: 'شكرًا لزيارتكم', amount: null },
];

describe('the receipt dialog’s columns', () => {
  const lines = receiptLayout(rows);

  it('puts every amount, the VAT’s too, in the one amount column', () => {
    const inColumn = lines.filter((l) => !l.span && l.amount).map((l) => l.kind);
    expect(inColumn).toEqual(['item', 'option', 'total', 'tax', 'tender']);
    const tax = lines.find((l) => l.kind === 'tax')!;
    expect(tax).toEqual({ kind: 'tax', text: 'شامل ضريبة القيمة المضافة 8%', amount: '6,667\u00a0₫', span: false });
  });

  it('keeps the amount column on rows without an amount (a free option, a note)', () => {
    expect(lines.filter((l) => l.kind === 'option' || l.kind === 'note').map((l) => l.span)).toEqual([false, false, false]);
    expect(lines.find((l) => l.kind === 'note')!.amount).toBeNull();
  });

  it('spans the store, the receipt’s details, the rules and the thanks across both columns', () => {
    expect(lines.filter((l) => l.span).map((l) => l.kind)).toEqual(['title', 'meta', 'rule', 'rule', 'footer']);
  });
});
