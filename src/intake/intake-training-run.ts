import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TicketCategory } from '../domain/enums';
import { DEFAULT_ROUTING_RULES } from '../rules/routing.rule';
import { IntakeModel } from '../rules/intake-model.rule';
import { IntakeExample, readCorpus } from './intake-corpus';
import { calibrate, evaluate, EvaluationReport, RoutingContextForEvaluation } from './intake-evaluation';
import { INTAKE_MODEL_FILE_NAME, intakeDataFolder, serialiseIntakeModel } from './intake-model-file';
import { DEFAULT_TRAINING_OPTIONS, trainIntakeModel, TrainingOptions } from './intake-trainer';

// One training run, as `npm run train:intake` does it: train on the train split, calibrate (temperature and guess
// threshold) on the dev split, never look at the test split.

/** Routing is evaluated against the default table at a fixed moment, so figures do not move with the clock. */
export const EVALUATION_ROUTING: RoutingContextForEvaluation = { rules: DEFAULT_ROUTING_RULES, now: new Date('2026-11-20T01:00:00Z') };

export const MODEL_CATEGORIES: readonly TicketCategory[] = Object.values(TicketCategory);

export interface TrainingRun {
  model: IntakeModel;
  dev: EvaluationReport;
}

export function trainAndCalibrate(examples: readonly IntakeExample[], options: TrainingOptions = DEFAULT_TRAINING_OPTIONS): TrainingRun {
  const train = examples.filter((example) => example.split === 'train');
  const dev = examples.filter((example) => example.split === 'dev');
  const model = calibrate(trainIntakeModel(train, MODEL_CATEGORIES, options), dev);
  return { model, dev: evaluate(model, dev, EVALUATION_ROUTING) };
}

/** Trains from data/intake/corpus and writes data/intake/intake-model.json; returns the run. */
export function trainCommittedModel(options: TrainingOptions = DEFAULT_TRAINING_OPTIONS): TrainingRun {
  const folder = intakeDataFolder();
  const examples = readCorpus(join(folder, 'corpus'));
  const run = trainAndCalibrate(examples, options);
  const splits = Object.fromEntries(
    ['train', 'dev', 'test'].map((split) => [split, examples.filter((example) => example.split === split).length]),
  );
  const file = serialiseIntakeModel(run.model, { contacts: splits, options });
  writeFileSync(join(folder, INTAKE_MODEL_FILE_NAME), `${JSON.stringify(file)}\n`);
  return run;
}
