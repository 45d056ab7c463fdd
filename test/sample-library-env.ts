// Turns this process's SAMPLE_LIBRARY setting on or off (integration tests run with it off).
import { resetConfig } from '@/lib/config';

export function setSampleLibrary(on: boolean) {
  process.env.SAMPLE_LIBRARY = on ? 'true' : 'false';
  resetConfig();
}
