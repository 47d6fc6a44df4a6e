import { fireEvent, render, screen, within } from '@testing-library/react';
import { vi } from 'vitest';
import type { ToolCallState } from '../../core/conversation/types';
import { ToolCard, type ToolCardActions } from './tool-card';

// Shared by this feature's tests only.
export const schema = {
  type: 'object',
  properties: { city: { type: 'string' }, unit: { enum: ['celsius', 'fahrenheit'] } },
  required: ['city'],
};

export const ARGS_TEXT = '{"city":"Paris","unit":"celsius"}';

export function makeCall(overrides: Partial<ToolCallState> = {}): ToolCallState {
  return {
    id: 'c1',
    name: 'get_weather',
    round: 0,
    argsText: ARGS_TEXT,
    args: { city: 'Paris', unit: 'celsius' },
    status: 'pending_approval',
    ...overrides,
  } as ToolCallState;
}

export function makeActions() {
  return {
    approve: vi.fn<ToolCardActions['approve']>(),
    reject: vi.fn<ToolCardActions['reject']>(),
    cancel: vi.fn<ToolCardActions['cancel']>(),
    rerun: vi.fn<ToolCardActions['rerun']>(),
  };
}

/** Renders a card; a settled one is unfolded first unless `folded` is asked for. */
export function renderCard(call: ToolCallState, options: { canAct?: boolean; actions?: ReturnType<typeof makeActions>; folded?: boolean } = {}) {
  const actions = options.actions ?? makeActions();
  const utils = render(<ToolCard call={call} schema={schema} actions={actions} canAct={options.canAct ?? true} />);
  const card = screen.getByRole('region', { name: 'get_weather' });
  const fold = within(card).queryByTestId('tool-fold');
  if (!options.folded && fold?.getAttribute('aria-expanded') === 'false') fireEvent.click(fold);
  const rerender = (next: ToolCallState) =>
    utils.rerender(<ToolCard call={next} schema={schema} actions={actions} canAct={options.canAct ?? true} />);
  return { card, actions, rerender };
}
