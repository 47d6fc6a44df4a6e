import { afterEach, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { ContextMarker } from './context-marker';

afterEach(cleanup);

it("is a labelled separator that says where the model's view begins", () => {
  render(<ContextMarker />);
  const marker = screen.getByRole('separator', { name: "The model's view begins here — earlier messages don't fit the context" });
  expect(marker.textContent).toContain("The model's view begins here");
});
