import { describe, expect, it, vi } from 'vitest';

// The schema engine is a lazy chunk: a round whose calls end before it has loaded must wait for
// it, not fail the calls closed. A fresh module graph gives a controller with nothing loaded.
describe('ChatController with the schema engine not loaded yet', () => {
  it('waits for the engine, then validates the round calls as usual', async () => {
    vi.resetModules();
    const validate = await import('../tools/validate');
    const kit = await import('./controller-test-kit.testing');
    expect(validate.validatorReady()).toBe(false);
    const { controller, idle, callOf } = kit.setup([
      kit.calls(kit.call('echo', { text: 'hi' }), kit.call('danger', { text: 'x' }, 'call_bad', 1)),
      kit.text('done'),
    ]);
    controller.send('go');
    await kit.waitFor(controller, (s) => s.run.phase === 'awaiting_confirmation');
    expect(validate.validatorReady()).toBe(true);
    expect(callOf('call_echo').validationError).toBeUndefined();
    expect(callOf('call_bad').status).toBe('pending_approval');
    controller.stop();
    await idle();
  });
});
