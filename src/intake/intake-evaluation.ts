import { Language, OwnerParty, TicketCategory } from '../domain/enums';
import { detectLanguage } from '../rules/language.rule';
import { IntakeModel, logits, modelVector, softmax } from '../rules/intake-model.rule';
import { OrderFacts, route, RoutingRule } from '../rules/routing.rule';
import { CorpusOrderFacts, IntakeExample } from './intake-corpus';

// Measuring the intake model (npm run eval:intake): accuracy of the category and of the owner it routes to,
// calibration, and the threshold under which a category counts as a guess.

export interface Prediction {
  example: IntakeExample;
  /** Raw class scores; probabilities are softmax(logits / temperature). */
  logits: Float64Array;
}

export function predictAll(model: IntakeModel, examples: readonly IntakeExample[]): Prediction[] {
  return examples.map((example) => ({
    example,
    logits: logits(model, modelVector(model, example.subject, example.body)),
  }));
}

interface Scored {
  example: IntakeExample;
  category: TicketCategory;
  probability: number;
}

function scored(model: Pick<IntakeModel, 'categories'>, predictions: readonly Prediction[], temperature: number): Scored[] {
  return predictions.map(({ example, logits: scores }) => {
    const probabilities = softmax(scores, temperature);
    let best = 0;
    for (let index = 1; index < probabilities.length; index += 1) if (probabilities[index] > probabilities[best]) best = index;
    return { example, category: model.categories[best], probability: probabilities[best] };
  });
}

function negativeLogLikelihood(model: Pick<IntakeModel, 'categories'>, predictions: readonly Prediction[], temperature: number): number {
  let total = 0;
  for (const { example, logits: scores } of predictions) {
    const probability = softmax(scores, temperature)[model.categories.indexOf(example.category)];
    total -= Math.log(Math.max(probability, 1e-12));
  }
  return total / Math.max(predictions.length, 1);
}

/** Temperature scaling: the temperature from 0.2 to 5 (geometric steps of 2 %) with the least NLL on the dev split. */
export function fitTemperature(model: Pick<IntakeModel, 'categories'>, predictions: readonly Prediction[]): number {
  let best = { temperature: 1, loss: Infinity };
  for (let temperature = 0.2; temperature <= 5; temperature *= 1.02) {
    const loss = negativeLogLikelihood(model, predictions, temperature);
    if (loss < best.loss) best = { temperature, loss };
  }
  return Number(best.temperature.toFixed(4));
}

/** Expected calibration error of the top probability over 15 equal-width bins. */
export function expectedCalibrationError(results: readonly Scored[]): number {
  const bins = Array.from({ length: 15 }, () => ({ count: 0, confidence: 0, correct: 0 }));
  for (const result of results) {
    const bin = bins[Math.min(14, Math.floor(result.probability * 15))];
    bin.count += 1;
    bin.confidence += result.probability;
    bin.correct += result.category === result.example.category ? 1 : 0;
  }
  return bins.reduce((sum, bin) => sum + (bin.count === 0 ? 0 : Math.abs(bin.confidence - bin.correct)), 0) / Math.max(results.length, 1);
}

const DAY = 24 * 60 * 60 * 1000;

/** Order facts as routing reads them, with dates placed plausibly before `now` (a return received a week ago). */
export function routingOrderFacts(order: CorpusOrderFacts | null, now: Date): OrderFacts | null {
  if (order === null) return null;
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  return {
    soldByPlatform: false,
    fulfillment: order.fulfillment,
    status: order.status,
    promisedDeliveryAt: ago(2),
    shipment:
      order.shipmentStatus === null
        ? null
        : {
            status: order.shipmentStatus,
            deliveryMethod: null,
            shippedAt: ago(4),
            deliveredAt: order.shipmentStatus === 'DELIVERED' ? ago(1) : null,
          },
    return:
      order.returnStatus === null
        ? null
        : {
            status: order.returnStatus,
            requestedAt: ago(12),
            receivedAt: ['RECEIVED', 'REFUNDED'].includes(order.returnStatus) ? ago(7) : null,
            refundedAt: order.returnStatus === 'REFUNDED' ? ago(3) : null,
          },
  };
}

export interface RoutingContextForEvaluation {
  rules: readonly RoutingRule[];
  now: Date;
}

/** The owner the table gives a classified contact; a classified OTHER goes to triage as a guess does (decideIntake). */
function ownerOf(
  example: IntakeExample,
  category: TicketCategory,
  probability: number,
  isGuess: boolean,
  context: RoutingContextForEvaluation,
): OwnerParty {
  const triage = isGuess || category === TicketCategory.OTHER;
  return route(
    { category, confidence: probability, isGuess: triage, order: routingOrderFacts(example.order, context.now) },
    context.rules,
    context.now,
  ).owner;
}

/** Share of contacts whose guess was right but fell under the threshold (sent to triage needlessly). */
function correctTriagedRate(results: readonly Scored[], guessBelow: number): number {
  return (
    results.filter((result) => result.probability < guessBelow && result.category === result.example.category).length /
    Math.max(results.length, 1)
  );
}

/**
 * The guess threshold: the highest (in steps of 0.01, at most 0.9) at which no more than `maxCorrectTriaged` of the
 * dev contacts would go to triage although their category was right. Every wrong guess above the threshold is
 * routed as if right, every one below it is seen by a person first, so the highest affordable threshold is chosen.
 */
export function chooseGuessThreshold(results: readonly Scored[], maxCorrectTriaged = MAX_CORRECT_TRIAGED): number {
  let chosen = 0;
  for (let step = 0; step <= 90; step += 1) {
    if (correctTriagedRate(results, step / 100) > maxCorrectTriaged) break;
    chosen = step / 100;
  }
  return chosen;
}

/** Share of all contacts that may be triaged needlessly (the acceptance allows 5 %; 3 % leaves room for the test split). */
export const MAX_CORRECT_TRIAGED = 0.03;

export function calibrate(model: IntakeModel, devExamples: readonly IntakeExample[]): IntakeModel {
  const predictions = predictAll(model, devExamples);
  const temperature = fitTemperature(model, predictions);
  const guessBelow = chooseGuessThreshold(scored(model, predictions, temperature));
  return { ...model, temperature, guessBelow };
}

export interface Rate {
  right: number;
  total: number;
}

export interface EvaluationReport {
  contacts: number;
  category: Rate;
  owner: Rate;
  /** Contacts sent to triage as guesses, and those of them whose guess was right. */
  triaged: number;
  correctTriaged: number;
  calibrationError: number;
  byLanguage: Record<string, { category: Rate; owner: Rate; detected: Rate }>;
  byStyle: Record<string, Rate>;
  byChannel: Record<string, Rate>;
  perCategory: Record<string, { precision: number; recall: number; support: number }>;
  /** confusion[actual][predicted] = count. */
  confusion: Record<string, Record<string, number>>;
}

function count(rate: Rate, right: boolean): void {
  rate.right += right ? 1 : 0;
  rate.total += 1;
}

function tally(record: Record<string, Rate>, key: string, right: boolean): void {
  record[key] ??= { right: 0, total: 0 };
  count(record[key], right);
}

export function evaluate(model: IntakeModel, examples: readonly IntakeExample[], context: RoutingContextForEvaluation): EvaluationReport {
  const results = scored(model, predictAll(model, examples), model.temperature);
  const report: EvaluationReport = {
    contacts: results.length,
    category: { right: 0, total: 0 },
    owner: { right: 0, total: 0 },
    triaged: 0,
    correctTriaged: 0,
    calibrationError: expectedCalibrationError(results),
    byLanguage: {},
    byStyle: {},
    byChannel: {},
    perCategory: {},
    confusion: {},
  };
  const languageCategory: Record<string, Rate> = {};
  const languageOwner: Record<string, Rate> = {};
  const languageDetected: Record<string, Rate> = {};
  for (const result of results) {
    const { example } = result;
    const isGuess = result.probability < model.guessBelow;
    const categoryRight = result.category === example.category;
    const ownerRight =
      ownerOf(example, result.category, result.probability, isGuess, context) === ownerOf(example, example.category, 1, false, context);
    count(report.category, categoryRight);
    count(report.owner, ownerRight);
    tally(languageCategory, example.language, categoryRight);
    tally(languageOwner, example.language, ownerRight);
    tally(languageDetected, example.language, detectLanguage(`${example.subject}\n${example.body}`) === example.language);
    tally(report.byStyle, example.style, categoryRight);
    tally(report.byChannel, example.channel, categoryRight);
    report.triaged += isGuess ? 1 : 0;
    report.correctTriaged += isGuess && categoryRight ? 1 : 0;
    report.confusion[example.category] ??= {};
    report.confusion[example.category][result.category] = (report.confusion[example.category][result.category] ?? 0) + 1;
  }
  for (const language of Object.keys(languageCategory))
    report.byLanguage[language] = {
      category: languageCategory[language],
      owner: languageOwner[language],
      detected: languageDetected[language],
    };
  for (const category of model.categories) {
    const support = results.filter((result) => result.example.category === category).length;
    const predicted = results.filter((result) => result.category === category).length;
    const right = report.confusion[category]?.[category] ?? 0;
    report.perCategory[category] = {
      precision: predicted === 0 ? 0 : right / predicted,
      recall: support === 0 ? 0 : right / support,
      support,
    };
  }
  return report;
}

export const LANGUAGES_IN_REPORT: readonly Language[] = [Language.ja, Language.en, Language.zh, Language.ko];
