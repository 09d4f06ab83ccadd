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

export function train(examples: Example[], opts: { epochs?: number; rate?: number; l2?: number } = {}): ScorerWeights {
  const epochs = opts.epochs ?? 400
  const rate = opts.rate ?? 0.5
  const l2 = opts.l2 ?? 0.01
  const names = [...new Set(examples.flatMap((e) => Object.keys(e.features)))].sort()
  const index = new Map(names.map((n, i) => [n, i]))
  const w = new Float64Array(names.length)
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
      const reg = names[i] === 'bias' ? 0 : l2 * w[i]!
      w[i]! -= rate * (grad[i]! / n + reg)
    }
  }
  const weights: Record<string, number> = {}
  names.forEach((name, i) => {
    if (Math.abs(w[i]!) > 1e-4) weights[name] = Math.round(w[i]! * 1000) / 1000
  })
  return { weights, threshold: 0.5 }
}
