import { describe, expect, it } from 'vitest';
import { speakable } from './speakable';

describe('speakable', () => {
  it('drops heading, bullet, emphasis and code marks but keeps the words', () => {
    expect(speakable('## Packing list\n- a **big** map\n- [x] `water`')).toBe('Packing list a big map water');
  });

  it('reads links and images by their words, not their addresses', () => {
    expect(speakable('See [the guide](https://example.com/guide) and ![a tent](https://x.test/t.png).')).toBe('See the guide and a tent.');
  });

  it('reads a table as its cells, without the separator row', () => {
    expect(speakable('| Item | Weight |\n| ---- | -----: |\n| Tent | 2 kg |')).toBe('Item, Weight, Tent, 2 kg');
  });

  it('leaves nothing for a bare code fence', () => {
    expect(speakable('```ts\n')).toBe('');
  });

  it('keeps arithmetic and Chinese text as written', () => {
    expect(speakable('2 * 3 = 6。好的！')).toBe('2 * 3 = 6。好的！');
  });
});
