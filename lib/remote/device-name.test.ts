import { describe, expect, it } from 'vitest';
import { deviceNameFromUserAgent } from './device-name';

describe('deviceNameFromUserAgent', () => {
  it('names browser and system', () => {
    expect(deviceNameFromUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36')).toBe('Chrome on Linux');
    expect(deviceNameFromUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1')).toBe('Safari on iPhone');
    expect(deviceNameFromUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0')).toBe('Firefox on Windows');
    expect(deviceNameFromUserAgent('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/120 Safari/537.36 Edg/120')).toBe('Edge on Windows');
  });
  it('falls back to the client name, or Unknown device', () => {
    expect(deviceNameFromUserAgent('curl/8.5.0')).toBe('curl');
    expect(deviceNameFromUserAgent(undefined)).toBe('Unknown device');
  });
});
