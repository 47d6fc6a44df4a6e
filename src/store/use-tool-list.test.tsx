import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createDynamicToolRegistry, createToolRegistry, type ToolRegistry } from '../core/tools/registry';
import type { ToolDefinition } from '../core/tools/types';
import { useToolList } from './use-tool-list';

const tool = (name: string): ToolDefinition => ({ name, description: '', parameters: { type: 'object' }, policy: 'auto', run: () => null });

function Names({ registry }: { registry: ToolRegistry }) {
  return <p data-testid="names">{useToolList(registry).map((t) => t.name).join(',')}</p>;
}

afterEach(cleanup);

describe('useToolList', () => {
  it('re-renders when a dynamic registry gains or loses tools', () => {
    const registry = createDynamicToolRegistry([tool('calc')]);
    render(<Names registry={registry} />);
    expect(screen.getByTestId('names').textContent).toBe('calc');
    act(() => registry.setSource('srv', [tool('srv__echo')]));
    expect(screen.getByTestId('names').textContent).toBe('calc,srv__echo');
    act(() => registry.removeSource('srv'));
    expect(screen.getByTestId('names').textContent).toBe('calc');
  });

  it('reads a static registry once', () => {
    render(<Names registry={createToolRegistry([tool('a'), tool('b')])} />);
    expect(screen.getByTestId('names').textContent).toBe('a,b');
  });
});
