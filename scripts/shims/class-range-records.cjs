// An OpenType class definition's ranges (ClassDefFormat2's ClassRangeRecords: start glyph,
// end glyph, class, each a uint16) read in one loop over the bytes, where restructure read
// each record as a struct, field by field. fontkit reads a face's pair kerning classes (GPOS
// `kern`, PairPos format 2: some 1,270 ranges in a Noto CJK face) when it first sets a Western
// word in it: in V8's interpreter, cold, that was most of the cost of the first word in each
// face (about 4 ms a face). The records are what fontkit's own give it to read: `start`,
// `end`, `class`.
//
// scripts/bundle.mjs puts `classRangeRecords(ArrayType, recordType, lengthField)` in place of
// fontkit's `new ArrayType(recordType, lengthField)` for ClassDefFormat2, so the array type
// is restructure's own (its size and encoding unchanged); only decoding is done here.

/** Bytes of one ClassRangeRecord: three uint16. */
const RECORD_BYTES = 6;

function classRangeRecords(ArrayType, recordType, lengthField) {
  class ClassRangeRecords extends ArrayType {
    decode(stream, parent) {
      const count = parent[lengthField];
      const bytes = stream.buffer;
      let at = stream.pos;
      if (typeof count !== 'number' || at + count * RECORD_BYTES > bytes.length) return super.decode(stream, parent);
      const records = new Array(count);
      for (let i = 0; i < count; i++, at += RECORD_BYTES) {
        records[i] = { start: (bytes[at] << 8) | bytes[at + 1], end: (bytes[at + 2] << 8) | bytes[at + 3], class: (bytes[at + 4] << 8) | bytes[at + 5] };
      }
      stream.pos = at;
      return records;
    }
  }
  return new ClassRangeRecords(recordType, lengthField);
}

module.exports = { classRangeRecords };
