// Rate limits of the public survey endpoint, per IP and per survey: fixed windows in this
// process's memory (several instances each hold their own; the per-device and burst checks
// in the database are the shared defence). Figures from the environment, defaults below.
import type { BatchRule } from './batcher.ts';

export interface RateRule {
  /** Most requests per window. */
  max: number;
  windowMs: number;
}

export interface SurveyLimits {
  perIp: RateRule;
  perSurvey: RateRule;
  /** Device tokens handed out per IP (opening the questionnaire). */
  tokensPerIp: RateRule;
  /** Group commit of responses (batcher.ts). */
  batch: BatchRule;
}

const num = (v: string | undefined, d: number): number => {
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : d;
};

export function surveyLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): SurveyLimits {
  return {
    perIp: { max: num(env.PANTAU_SURVEY_PER_IP_PER_MINUTE, 30), windowMs: 60_000 },
    perSurvey: { max: num(env.PANTAU_SURVEY_PER_SURVEY_PER_SECOND, 2000), windowMs: 1_000 },
    tokensPerIp: { max: num(env.PANTAU_SURVEY_TOKENS_PER_IP_PER_MINUTE, 60), windowMs: 60_000 },
    batch: { max: num(env.PANTAU_SURVEY_BATCH_MAX, 500), delayMs: num(env.PANTAU_SURVEY_BATCH_MS, 2) },
  };
}

/** Fixed-window counters; `hit` answers 0 when allowed, else the seconds to wait. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; n: number }>();
  constructor(private readonly rule: RateRule) {}

  hit(key: string, now = Date.now()): number {
    let w = this.windows.get(key);
    if (w === undefined || now - w.start >= this.rule.windowMs) {
      if (this.windows.size > 50_000) this.sweep(now);
      w = { start: now, n: 0 };
      this.windows.set(key, w);
    }
    w.n += 1;
    if (w.n <= this.rule.max) return 0;
    return Math.max(1, Math.ceil((w.start + this.rule.windowMs - now) / 1000));
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= this.rule.windowMs) this.windows.delete(k);
  }
}
