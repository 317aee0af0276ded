import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDLE_MS, IdleTimer } from './idle';

describe('idle sign-out', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires once after five minutes without input', () => {
    const onIdle = vi.fn();
    const idle = new IdleTimer(onIdle);
    idle.start();
    vi.advanceTimersByTime(IDLE_MS - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(idle.running).toBe(false);
    vi.advanceTimersByTime(IDLE_MS * 3);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('counts again from each input', () => {
    const onIdle = vi.fn();
    const idle = new IdleTimer(onIdle, 1000);
    idle.start();
    vi.advanceTimersByTime(900);
    idle.poke();
    vi.advanceTimersByTime(900);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('ignores input while stopped, and stop cancels', () => {
    const onIdle = vi.fn();
    const idle = new IdleTimer(onIdle, 1000);
    idle.poke();
    vi.advanceTimersByTime(5000);
    expect(onIdle).not.toHaveBeenCalled();
    idle.start();
    vi.advanceTimersByTime(500);
    idle.stop();
    vi.advanceTimersByTime(5000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
