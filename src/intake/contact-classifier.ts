import { classifyWithModel } from '../rules/intake-model.rule';
import { ContactClassifier } from '../rules/intake.rule';
import { intakeModel } from './intake-model-file';

/** The production classifier: the committed model, loaded once per process. */
export const classifyContact: ContactClassifier = (subject, body) => classifyWithModel(intakeModel(), subject, body);
