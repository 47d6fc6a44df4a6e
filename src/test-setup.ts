// The JSON-Schema engine is a lazily loaded chunk in the app; tests call validateArgs synchronously,
// so every test file starts with it loaded, as the app has it shortly after startup.
import { loadValidator } from './core/tools/validate';

await loadValidator();
