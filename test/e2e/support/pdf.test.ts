import { isA4Landscape, pageBoxes } from './pdf';

const pdf = (body: string) => new TextEncoder().encode(`%PDF-1.6\n${body}\n%%EOF`);

describe('pageBoxes', () => {
  it('reads the MediaBox of each page object and skips the page tree', () => {
    const file = pdf(
      [
        '1 0 obj<</Type/Pages/Kids[2 0 R 3 0 R]/MediaBox[ 0 0 595 842 ]>>endobj',
        '2 0 obj<</Type/Page/Parent 1 0 R/MediaBox[0 0 841.889763779528 595.303937007874]>>endobj',
        '3 0 obj\n<< /Type /Page /MediaBox [ 10 10 605 852 ] >>\nendobj',
        '4 0 obj<</Type/Page/Parent 1 0 R>>endobj',
      ].join('\n'),
    );
    expect(pageBoxes(file)).toEqual([{ width: 841.889763779528, height: 595.303937007874 }, { width: 595, height: 842 }, null]);
  });

  it('finds nothing in a file without pages', () => {
    expect(pageBoxes(pdf('1 0 obj<</Type/Catalog>>endobj'))).toEqual([]);
  });
});

describe('isA4Landscape', () => {
  it.each([
    [{ width: 841.89, height: 595.3 }, true],
    [{ width: 842, height: 595 }, true],
    [{ width: 595.3, height: 841.89 }, false],
    [{ width: 792, height: 612 }, false],
    [null, false],
  ])('%j → %s', (box, expected) => {
    expect(isA4Landscape(box)).toBe(expected);
  });
});
