const LINK_SCHEME = /^(?:https?|mailto):/i;
const IMAGE_SCHEME = /^https?:/i;
// Browsers drop ASCII whitespace and control characters from URLs, so "java\tscript:" would run.
const IGNORED = /[\u0000-\u0020\u007f]/g;

/**
 * react-markdown `urlTransform`: keeps http(s) and mailto links, in-page `#anchors` and http(s)
 * images; anything else (javascript:, data:, vbscript:, `//host`, relative paths) becomes ''.
 */
export function safeUrlTransform(url: string, key: string): string {
  const compact = url.replace(IGNORED, '');
  if (key === 'src') return IMAGE_SCHEME.test(compact) ? compact : '';
  if (compact.startsWith('#')) return compact;
  return LINK_SCHEME.test(compact) ? compact : '';
}
