import { describe, expect, it } from 'vitest';
import { formatPaint, parsePaint, parsePositions } from '../../src/state/paint';
import { decodeScenario } from '../../src/state/urlCodec';

describe('parsePaint / formatPaint', () => {
  it("parsePaint('2.0.1, 0.1.0'): two cells; formatPaint sorts them by q then k", () => {
    const { cells, rejected } = parsePaint('2.0.1, 0.1.0');
    expect([...cells]).toEqual([['2.0', true], ['0.1', false]]);
    expect(rejected).toEqual([]);
    expect(formatPaint(cells)).toBe('0.1.0,2.0.1');
  });

  it('parsePaint: a repeated cell keeps its last value; malformed pieces are rejected', () => {
    const { cells, rejected } = parsePaint('1.1.0,1.1.1,x,1.2,3.4.5,-1.0.0');
    expect([...cells]).toEqual([['1.1', true]]);
    expect(rejected).toEqual(['x', '1.2', '3.4.5', '-1.0.0']);
  });

  it("decodeScenario('paint=0.1.0,oops'): keeps the good cell with a bad-value warning", () => {
    const { scenario, warnings } = decodeScenario('paint=0.1.0,oops');
    expect(scenario.paint).toBe('0.1.0');
    expect(warnings).toEqual([{ param: 'paint', code: 'bad-value', value: 'oops', used: '' }]);
  });
});

describe('parsePositions', () => {
  it("parsePositions('5, 0,5,x'): sorted unique positions, bad pieces rejected", () => {
    expect(parsePositions('5, 0,5,x')).toEqual({ positions: [0, 5], rejected: ['x'], outOfRange: [] });
  });

  it("parsePositions('4095,4096,9999,12345,1.5'): 4095 kept, 4096, 9999 and 12345 out of range (whatever their digits), 1.5 rejected", () => {
    expect(parsePositions('4095,4096,9999,12345,1.5')).toEqual({ positions: [4095], rejected: ['1.5'], outOfRange: ['4096', '9999', '12345'] });
  });
});

describe('parsePaint: indices past 4095', () => {
  it("parsePaint('4095.4095.1,9999.9999.1,0.4096.0,10000.0.1,1.2.3'): the first kept, three out of range, the bad value rejected", () => {
    const { cells, rejected, outOfRange } = parsePaint('4095.4095.1,9999.9999.1,0.4096.0,10000.0.1,1.2.3');
    expect([...cells]).toEqual([['4095.4095', true]]);
    expect(rejected).toEqual(['1.2.3']);
    expect(outOfRange).toEqual(['9999.9999.1', '0.4096.0', '10000.0.1']);
  });
});
