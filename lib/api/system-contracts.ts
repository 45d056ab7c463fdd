import { z } from 'zod';
import { defineContract } from '@/lib/http/contract';
import { healthSchema } from '@/lib/system/health';

export const healthContract = defineContract({
  method: 'GET',
  path: '/api/health',
  access: 'public',
  summary: 'Liveness and dependencies: database, worker heartbeat, ffmpeg',
  description: 'Answers 200 when the database answers; `status` is `degraded` when the worker has not beaten for 30 s, or the ffmpeg in use lacks a feature (`ffmpeg.features`, with the fix in `ffmpeg.fix`).',
  tags: ['system'],
  response: { status: 200, description: 'Health', schema: healthSchema },
});

export const openapiContract = defineContract({
  method: 'GET',
  path: '/api/v1/openapi.json',
  access: 'public',
  summary: 'This OpenAPI 3.1 document',
  tags: ['system'],
  response: { status: 200, description: 'OpenAPI document', schema: z.record(z.string(), z.unknown()) },
});
