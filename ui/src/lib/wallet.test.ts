import { describe, expect, it } from 'vitest';
import { brandColor, cleanCode, completedScan, endsScan, formatCountdown, fractionLeft, payWays, secondsLeft } from './wallet';

describe('wallet countdown', () => {
  const until = '2026-12-02T10:03:00Z';
  const at = (iso: string) => Date.parse(iso);

  it('counts whole seconds left, rounded up', () => {
    expect(secondsLeft(until, at('2026-12-02T10:00:00Z'))).toBe(180);
    expect(secondsLeft(until, at('2026-12-02T10:00:00.001Z'))).toBe(180);
    expect(secondsLeft(until, at('2026-12-02T10:02:59.001Z'))).toBe(1);
    expect(secondsLeft(until, at('2026-12-02T10:03:00Z'))).toBe(0);
  });

  it('never goes below zero and reads offsets', () => {
    expect(secondsLeft(until, at('2026-12-02T11:00:00Z'))).toBe(0);
    expect(secondsLeft('2026-12-02T17:03:00+07:00', at('2026-12-02T10:02:00Z'))).toBe(60);
  });

  it('gives 0 for what is not a date', () => {
    expect(secondsLeft('soon', Date.now())).toBe(0);
    expect(secondsLeft(until, Number.NaN)).toBe(0);
  });

  it('formats mm:ss', () => {
    expect(formatCountdown(180)).toBe('03:00');
    expect(formatCountdown(61)).toBe('01:01');
    expect(formatCountdown(9)).toBe('00:09');
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(-5)).toBe('00:00');
    expect(formatCountdown(59.9)).toBe('00:59');
    expect(formatCountdown(6000)).toBe('100:00');
    expect(formatCountdown(Number.NaN)).toBe('00:00');
  });

  it('gives the share left', () => {
    expect(fractionLeft(90, 180)).toBe(0.5);
    expect(fractionLeft(200, 180)).toBe(1);
    expect(fractionLeft(-1, 180)).toBe(0);
    expect(fractionLeft(10, 0)).toBe(0);
  });
});

describe('wallet codes', () => {
  it('strips what a scanner or a paste adds', () => {
    expect(cleanCode(' 123 456\r\n')).toBe('123456');
    expect(cleanCode('\t')).toBe('');
  });

  it('completes a scan on Enter only, with a code', () => {
    expect(completedScan('11223344556677', 'Enter')).toBe('11223344556677');
    expect(completedScan('1122 3344\n', 'NumpadEnter')).toBe('11223344');
    expect(completedScan('112233', '4')).toBeNull();
    expect(completedScan('   ', 'Enter')).toBeNull();
    expect(completedScan('', 'Enter')).toBeNull();
  });

  it('sees a line end typed as text', () => {
    expect(endsScan('1234\r\n')).toBe(true);
    expect(endsScan('1234\n')).toBe(true);
    expect(endsScan('1234')).toBe(false);
    expect(endsScan('\n')).toBe(false);
  });

  it('keeps only colours for a style', () => {
    expect(brandColor('#a50064')).toBe('#a50064');
    expect(brandColor('#0af')).toBe('#0af');
    expect(brandColor('red; background: url(x)')).toBeNull();
    expect(brandColor(null)).toBeNull();
  });
});

describe('wallet ways of paying', () => {
  it('reads the backend’s flags: code, QR, or both (Alipay)', () => {
    expect(payWays({ scan: true, qr: false })).toBe('code');
    expect(payWays({ scan: false, qr: true })).toBe('qr');
    expect(payWays({ scan: true, qr: true })).toBe('both');
  });
});
