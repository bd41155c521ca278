import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCorpus } from '../src/intake/intake-corpus';
import { evaluate } from '../src/intake/intake-evaluation';
import { intakeDataFolder, intakeModel } from '../src/intake/intake-model-file';
import { formatCorpusCounts, formatEvaluation } from '../src/intake/intake-report';
import { EVALUATION_ROUTING } from '../src/intake/intake-training-run';

// npm run eval:intake [-- --update-docs] — measures the committed model on the dev and test splits and prints
// the report; with --update-docs it also replaces the report in docs/routing.md (between the eval markers).

const model = intakeModel();
const examples = readCorpus(join(intakeDataFolder(), 'corpus'));
const evaluation = formatEvaluation(
  model.version,
  {
    dev: evaluate(
      model,
      examples.filter((example) => example.split === 'dev'),
      EVALUATION_ROUTING,
    ),
    test: evaluate(
      model,
      examples.filter((example) => example.split === 'test'),
      EVALUATION_ROUTING,
    ),
  },
  model.categories,
);
const report = `${evaluation}\n\n${formatCorpusCounts(examples, model.categories)}`;
console.log(report);
if (process.argv.includes('--update-docs')) {
  const docs = join(intakeDataFolder(), '..', '..', 'docs', 'routing.md');
  const text = readFileSync(docs, 'utf8');
  const start = '<!-- eval:intake:start -->';
  const end = '<!-- eval:intake:end -->';
  if (!text.includes(start) || !text.includes(end)) throw new Error(`docs/routing.md has no ${start} … ${end} markers`);
  writeFileSync(docs, text.slice(0, text.indexOf(start) + start.length) + '\n' + report + '\n' + text.slice(text.indexOf(end)));
  console.log('\ndocs/routing.md updated');
}
