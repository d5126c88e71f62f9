import express, { type Router } from 'express';
import { problem, sendProblem } from '../http/problem.js';
import { type AnalysisSummary, isFolderFinished, summariseAnalyses } from '../results/index.js';
import { apiProblem } from './api-problem.js';
import type { ProtocolDeps } from './deps.js';

/** The folder metadata the demo page sets; only folders that carry it are answered here. */
export const DEMO_META = { key: 'source', value: 'demo_page' } as const;

/** The demo backend's answer: what a host's server decides from the analysis API's folder. */
export interface DemoVerdict {
  transaction_id: string;
  state: 'processing' | 'finished';
  /** Every analysis finished with `success`; null while one still runs. */
  passed: boolean | null;
  analyses: Record<string, AnalysisSummary>;
}

const TRANSACTION_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/**
 * `GET /api/v1/demo/verdicts/:transaction_id`: the demo page's backend route. The demo page stands in for
 * an integrator's page, and this route for the integrator's server, which gets the verdict the recommended
 * way: it asks the analysis API for the folder by `transaction_id` with its own credentials, and decides
 * (the page's `on_complete` only says the analysis finished). It answers only folders the demo page made
 * (metadata `source: demo_page`), so it never shows another integration's verdicts.
 */
export function demoVerdictRouter(deps: ProtocolDeps): Router {
  const router = express.Router();
  router.get('/api/v1/demo/verdicts/:transaction_id', async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const transactionId = req.params.transaction_id;
    if (!TRANSACTION_ID.test(transactionId)) {
      return sendProblem(
        res,
        problem(400, 'invalid_transaction_id', 'transaction_id: 1–128 of A-Z a-z 0-9 _ . : -'),
      );
    }
    if (deps.api === undefined) {
      return sendProblem(
        res,
        problem(
          409,
          'demo_verdict_unavailable',
          'this adapter talks to no analysis API (architecture capture)',
        ),
      );
    }
    const found = await deps.api.findFolderByMeta('transaction_id', transactionId);
    if (!found.ok) {
      deps.log.warn({ code: found.error.code, cause: found.error.cause }, 'demo verdict not read');
      return sendProblem(res, apiProblem(found.error));
    }
    const folder = found.value;
    const meta = (folder as { meta_data?: Record<string, unknown> } | null)?.meta_data;
    if (folder === null || meta?.[DEMO_META.key] !== DEMO_META.value) {
      return sendProblem(
        res,
        problem(404, 'verdict_not_found', `no demo capture has transaction_id ${transactionId}`),
      );
    }
    const analyses = summariseAnalyses(folder);
    const finished = isFolderFinished(folder);
    const verdict: DemoVerdict = {
      transaction_id: transactionId,
      state: finished ? 'finished' : 'processing',
      passed: finished
        ? Object.keys(analyses).length > 0 && Object.values(analyses).every((a) => a.resolution === 'success')
        : null,
      analyses,
    };
    res.json(verdict);
  });
  return router;
}
