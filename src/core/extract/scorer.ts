// A small logistic-regression scorer over clause features: how likely a candidate clause is a
// directive. Weights are learned by `npm run train:directives` from a labelled corpus and shipped
// as data/directive-weights.json; training here is plain batch gradient descent with L2.

export interface ScorerWeights {
  /** Feature name → weight; unknown features weigh 0. */
  weights: Record<string, number>
  /** Candidates at or above it are offered. */
  threshold: number
}

export function score(model: ScorerWeights, features: Record<string, number>): number {
  let z = 0
  for (const [k, v] of Object.entries(features)) z += (model.weights[k] ?? 0) * v
  return 1 / (1 + Math.exp(-z))
}

export interface Example {
  features: Record<string, number>
  label: 0 | 1
}

/**
 * What the grammar of a directive says before any data: the weights training starts from and is
 * pulled back to (L2 towards these rather than towards 0), so that a cue seen in few reports keeps
 * its sense instead of taking whatever sign those reports happen to give it.
 */
export const PRIOR: Record<string, number> = {
  bias: -1.5,
  governing: 1.5,
  addressee: 0.5,
  doer: 0.5,
  doerCue: 0.5,
  strongDoer: 0.5,
  modal: 0.5,
  taskVerb: 1,
  inherited: 0.5,
  listUnderLeadIn: 0.5,
  inGovernedSentence: 0.5,
  sentenceDirective: 0.3,
  past: -1,
  pastDirective: -1,
  results: -1,
  resultsDoc: -1.5,
  paraPast: -0.5,
  praise: -1,
  discuss: -1,
  citizen: -1.5,
  exhort: -1.5,
  target: -1,
  will: -0.5,
  speakerWill: -1,
  noVerb: -1.5,
  noCue: -1,
  headlike: -1,
  umbrella: -1.5,
  deadlineOnly: -1.5,
  personStart: -1,
  leaderStart: -0.5,
  question: -1,
  // Heading above the passage, how the clause opens, what it counts.
  headResults: -1,
  headTasks: 0.5,
  headVerb: 0.5,
  describing: -1,
  eventSubject: -0.5,
  counted: -0.5,
  progressive: -0.5,
  citizenBeforeGov: -1,
  relativeGov: -1,
}

export function train(examples: Example[], opts: { epochs?: number; rate?: number; l2?: number } = {}): ScorerWeights {
  const epochs = opts.epochs ?? 2000
  const rate = opts.rate ?? 1.0
  const l2 = opts.l2 ?? 0.01
  const names = [...new Set(examples.flatMap((e) => Object.keys(e.features)))].sort()
  const index = new Map(names.map((n, i) => [n, i]))
  const prior = Float64Array.from(names, (n) => PRIOR[n] ?? 0)
  const w = Float64Array.from(prior)
  const rows = examples.map((e) => ({ x: Object.entries(e.features).map(([k, v]) => [index.get(k)!, v] as const), y: e.label }))
  const n = Math.max(1, rows.length)
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Float64Array(names.length)
    for (const r of rows) {
      let z = 0
      for (const [i, v] of r.x) z += w[i]! * v
      const err = 1 / (1 + Math.exp(-z)) - r.y
      for (const [i, v] of r.x) grad[i]! += err * v
    }
    for (let i = 0; i < w.length; i++) {
      const reg = names[i] === 'bias' ? 0 : l2 * (w[i]! - prior[i]!)
      w[i]! -= rate * (grad[i]! / n + reg)
    }
  }
  const weights: Record<string, number> = {}
  names.forEach((name, i) => {
    if (Math.abs(w[i]!) > 1e-4) weights[name] = Math.round(w[i]! * 1000) / 1000
  })
  return { weights, threshold: bestThreshold(examples, weights) }
}

/** The cut-off with the best F1 on the training examples (candidates are scored, not reports). */
function bestThreshold(examples: Example[], weights: Record<string, number>): number {
  return bestCutoff(examples.map((e) => ({ p: score({ weights, threshold: 0 }, e.features), y: e.label })))
}

/**
 * The cut-off with the best F1 over scored examples. Given scores from models that did not see
 * the examples (cross-validation inside the training reports), it is not fooled by how sure a
 * model is of the examples it was trained on.
 */
export function bestCutoff(scored: { p: number; y: 0 | 1 }[]): number {
  const positives = scored.filter((s) => s.y === 1).length
  let best = { t: 0.5, f: -1 }
  for (let t = 0.3; t <= 0.8001; t += 0.05) {
    const chosen = scored.filter((s) => s.p >= t)
    const tp = chosen.filter((s) => s.y === 1).length
    const f = tp === 0 ? 0 : (2 * tp) / (chosen.length + positives)
    if (f > best.f) best = { t: Math.round(t * 100) / 100, f }
  }
  return best.t
}
