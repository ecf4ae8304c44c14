import { describe, expect, it } from 'vitest';
import { messageIdInLink, normalizeMessageId } from './message-id.ts';

const MID = '20240412115352.GY5383@nvidia.com';

describe('normalizeMessageId', () => {
  // [as written, normalized]
  const table: Array<[string, string]> = [
    [MID, MID],
    [`<${MID}>`, MID],
    [`  <${MID}>\n`, MID],
    [`< ${MID} >`, MID],
    [`<${MID}`, MID],
    [`${MID}>`, MID],
    [`id:${MID}`, MID],
    [`mid:<${MID}>`, MID],
    [`ID:${MID}`, MID],
    // Only one pair of brackets is the writer's; inner characters are the ID's.
    ['<<a@b>>', '<a@b>'],
    ['a+b=c/d%40@x', 'a+b=c/d%40@x'],
    // Punctuation is kept: an ID typed by hand is taken as written.
    [`${MID}.`, `${MID}.`],
    ['', ''],
    ['<>', ''],
  ];
  it.each(table)('%j -> %j', (input, expected) => {
    expect(normalizeMessageId(input)).toBe(expected);
  });
});

describe('messageIdInLink', () => {
  const table: Array<[string, string]> = [
    [MID, MID],
    [`${MID}.`, MID],
    [`${MID},`, MID],
    [`${MID};:`, MID],
    [`<${MID}>.`, MID],
    [`<${MID}>`, MID],
    // Percent-escapes are the URL reader's: kept here.
    ['a%2Fb@x', 'a%2Fb@x'],
  ];
  it.each(table)('%j -> %j', (input, expected) => {
    expect(messageIdInLink(input)).toBe(expected);
  });
});
