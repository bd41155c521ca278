import { trainCommittedModel } from '../src/intake/intake-training-run';

// npm run train:intake — retrains data/intake/intake-model.json from data/intake/corpus (deterministic).
const started = Date.now();
const { model, dev } = trainCommittedModel();
const percent = (right: number, total: number) => `${((100 * right) / Math.max(total, 1)).toFixed(1)} %`;
console.log(
  `model ${model.version}: ${model.featureNames.length} features, temperature ${model.temperature}, guess below ${model.guessBelow}`,
);
console.log(
  `dev: category ${percent(dev.category.right, dev.category.total)}, owner ${percent(dev.owner.right, dev.owner.total)}, calibration error ${dev.calibrationError.toFixed(3)}`,
);
console.log(`trained in ${((Date.now() - started) / 1000).toFixed(1)} s`);
