// Signs the window out after a stretch without input, as the backend does after the same
// time without commands. The timer functions are injectable for tests.

export const IDLE_MS = 5 * 60 * 1000;

export interface Clock {
  set: (f: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

const realClock: Clock = {
  set: (f, ms) => setTimeout(f, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class IdleTimer {
  #handle: unknown = null;
  #running = false;

  constructor(
    private readonly onIdle: () => void,
    private readonly ms = IDLE_MS,
    private readonly clock: Clock = realClock,
  ) {}

  get running(): boolean {
    return this.#running;
  }

  /** Starts (or restarts) counting from now. */
  start() {
    this.#running = true;
    this.#arm();
  }

  /** Input happened: count again from now, if running. */
  poke() {
    if (this.#running) this.#arm();
  }

  stop() {
    this.#running = false;
    if (this.#handle !== null) this.clock.clear(this.#handle);
    this.#handle = null;
  }

  #arm() {
    if (this.#handle !== null) this.clock.clear(this.#handle);
    this.#handle = this.clock.set(() => {
      this.#handle = null;
      this.#running = false;
      this.onIdle();
    }, this.ms);
  }
}
