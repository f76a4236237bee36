import { createHash } from 'node:crypto';
import { sha256Hex } from '../../../src/core/read/sha256';

/** Reference digest from Node's crypto (test only: the core stays pure). */
const reference = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('matches the FIPS 180-4 vector for %j', (text, digest) => {
    expect(sha256Hex(text)).toBe(digest);
  });

  it.each([
    ['Chinese text', '羊楼司镇2018年度村(社区)脱贫攻坚工作考核'],
    ['full-width and symbols', '９５％ —— √ × ✓ ✗'],
    ['emoji (4-byte UTF-8)', '考核😀✅'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate', 'a\udc00b'],
    ['55 bytes (padding fits one block)', 'a'.repeat(55)],
    ['56 bytes (padding needs a second block)', 'a'.repeat(56)],
    ['63 bytes', 'a'.repeat(63)],
    ['64 bytes', 'a'.repeat(64)],
    ['65 bytes', 'a'.repeat(65)],
    ['Chinese across block boundaries', '考'.repeat(100)],
    ['surrogate pairs across the internal chunk boundary', `x${'😀'.repeat(40000)}`],
    ['several chunks of mixed text', '文白社区,95%,是\n'.repeat(20000)],
  ])('agrees with node:crypto on %s', (_label, text) => {
    expect(sha256Hex(text)).toBe(reference(text));
  });

  it('distinguishes inputs that differ in one character', () => {
    expect(sha256Hex('文白社区,95')).not.toBe(sha256Hex('文白社区,96'));
  });
});
