import type { EtsSpec, SeasonType, TrendType } from './ets.filter';
import { fitEts } from './ets.model';
import type { FitOptions, FittedModel } from './forecast.types';

const TRENDS: readonly TrendType[] = ['N', 'A', 'Ad'];
const SEASONS: readonly SeasonType[] = ['N', 'A', 'M'];

/**
 * ETS with automatic choice of form by AICc among additive-error models:
 * trend none / damped (undamped additive trend only on request: it
 * over-extrapolates too often to be worth its AICc wins), seasonality none /
 * additive / multiplicative. Seasonal forms need two full cycles for their
 * initial states, multiplicative ones a strictly positive series.
 */
export function fitAutoEts(
  values: ArrayLike<number>,
  options: FitOptions & { forms?: readonly EtsSpec[] } = {},
): FittedModel {
  const period = Math.max(1, Math.round(options.period ?? 1));
  const earlier = options.params ?? options.start;
  if (earlier?.trendType !== undefined) {
    const spec = specFromParams(earlier, period);
    return withFormParams(fitEts(values, spec, options), spec);
  }
  let best: FittedModel | undefined;
  let bestSpec: EtsSpec | undefined;
  for (const spec of options.forms ?? etsForms(values, period)) {
    const model = fitEts(values, spec, options);
    if (!best || (model.aicc ?? Number.POSITIVE_INFINITY) < (best.aicc ?? Number.POSITIVE_INFINITY)) {
      best = model;
      bestSpec = spec;
    }
  }
  if (!best || !bestSpec) throw new Error('fitAutoEts: no candidate form');
  return withFormParams(best, bestSpec);
}

export function etsForms(values: ArrayLike<number>, period: number): EtsSpec[] {
  const forms: EtsSpec[] = [
    { trend: 'N', season: 'N', period: 1 },
    { trend: 'Ad', season: 'N', period: 1 },
  ];
  if (period > 1 && values.length >= 2 * period + 2) {
    forms.push({ trend: 'N', season: 'A', period }, { trend: 'Ad', season: 'A', period });
    let positive = true;
    for (let t = 0; t < values.length; t++) if (!((values[t] as number) > 0)) positive = false;
    if (positive) forms.push({ trend: 'N', season: 'M', period }, { trend: 'Ad', season: 'M', period });
  }
  return forms;
}

/** The chosen form travels in params so a refit with fixed params needs no new choice. */
function withFormParams(model: FittedModel, spec: EtsSpec): FittedModel {
  model.params.trendType = TRENDS.indexOf(spec.trend);
  model.params.seasonType = SEASONS.indexOf(spec.season);
  return model;
}

function specFromParams(params: Record<string, number>, period: number): EtsSpec {
  const season = SEASONS[params.seasonType ?? 0] ?? 'N';
  return { trend: TRENDS[params.trendType ?? 0] ?? 'N', season, period: season === 'N' ? 1 : period };
}
