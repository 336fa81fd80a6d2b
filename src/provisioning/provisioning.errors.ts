import { engineErrors } from './engine/engine.errors';
import { languageErrors } from './language/language.errors';
import { labErrors } from './providers/lab/lab.errors';

export const provisioningErrors = { ...languageErrors, ...engineErrors, ...labErrors };
