export { InspectorPanel } from './inspector-panel';
export { InspectorButton } from './inspector-button';
