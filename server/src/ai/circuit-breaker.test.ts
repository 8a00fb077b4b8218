import { describe, expect, it } from 'vitest';
import { createCircuitBreaker } from './circuit-breaker';
import { createManualClock } from './testing/in-memory.ports';

describe('circuit breaker', () => {
  const setup = () => {
    const clock = createManualClock();
    return { clock, breaker: createCircuitBreaker({ clock, failureThreshold: 3, coolDownMs: 10_000 }) };
  };

  it('opens after N consecutive failures; a success in between resets the count', () => {
    const { breaker } = setup();
    breaker.recordFailure('p');
    breaker.recordFailure('p');
    breaker.recordSuccess('p');
    breaker.recordFailure('p');
    breaker.recordFailure('p');
    expect(breaker.stateOf('p')).toBe('closed');
    breaker.recordFailure('p');
    expect(breaker.stateOf('p')).toBe('open');
    expect(breaker.tryAcquire('p')).toBe(false);
    expect(breaker.tryAcquire('other')).toBe(true);
  });

  it('lets exactly one trial through after the cool-down, then closes or re-opens on its outcome', () => {
    const { breaker, clock } = setup();
    for (let index = 0; index < 3; index++) breaker.recordFailure('p');
    clock.advance(9_999);
    expect(breaker.tryAcquire('p')).toBe(false);
    clock.advance(1);
    expect(breaker.stateOf('p')).toBe('half-open');
    expect(breaker.tryAcquire('p')).toBe(true);
    expect(breaker.tryAcquire('p')).toBe(false);

    breaker.recordFailure('p');
    expect(breaker.stateOf('p')).toBe('open');
    clock.advance(10_000);
    expect(breaker.tryAcquire('p')).toBe(true);
    breaker.recordSuccess('p');
    expect(breaker.stateOf('p')).toBe('closed');
    expect(breaker.tryAcquire('p')).toBe(true);
  });

  it('expires a trial that never reported back', () => {
    const { breaker, clock } = setup();
    for (let index = 0; index < 3; index++) breaker.recordFailure('p');
    clock.advance(10_000);
    expect(breaker.tryAcquire('p')).toBe(true);
    clock.advance(9_000);
    expect(breaker.tryAcquire('p')).toBe(false);
    clock.advance(1_000);
    expect(breaker.tryAcquire('p')).toBe(true);
  });
});
