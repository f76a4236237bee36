/**
 * What jsdom lacks and Fluent UI v9 expects: ResizeObserver, matchMedia, scrollIntoView;
 * and what every browser has but jsdom does not: TextDecoder/TextEncoder (the .xlsx reader
 * decodes parts with them). Import it first in a `@jest-environment jsdom` test file.
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';

if (typeof globalThis.TextDecoder === 'undefined') (globalThis as any).TextDecoder = NodeTextDecoder;
if (typeof globalThis.TextEncoder === 'undefined') (globalThis as any).TextEncoder = NodeTextEncoder;
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window !== 'undefined') {
  if (!('ResizeObserver' in window)) {
    (window as any).ResizeObserver = ResizeObserverStub;
    (globalThis as any).ResizeObserver = ResizeObserverStub;
  }
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = function scrollIntoView() {};
}

export {};
