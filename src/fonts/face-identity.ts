/**
 * A face as the records kept between builds know it (text/known-layouts.ts,
 * export/pdf/known-font-programs.ts): its file's identity (file-identity.ts: device, inode, size,
 * write and change times) and the face in it (its PostScript name). A face whose file was written
 * within RACY_MS of the build, or cannot be read, has none: nothing is kept for it.
 */
import { trustedIdentity } from '../file-identity.js';
import type { KeptRecordOptions } from '../kept-map.js';
import type { Face } from './types.js';

/**
 * How a record that knows faces is used by a build: with the build's face identities when it
 * shares them with its other records (each face file is then looked at once a build, not once a
 * record), else with identities of its own read by the build's clock.
 */
export interface FaceRecordOptions extends KeptRecordOptions {
  readonly faces?: FaceIdentities;
}

/** The identities a record of faces uses: the build's shared ones, else its own. */
export function faceIdentitiesFor(options: FaceRecordOptions): FaceIdentities {
  return options.faces ?? new FaceIdentities(options.clock);
}

/** Each face's identity in one build, worked out once a face. */
export class FaceIdentities {
  private readonly identities = new Map<Face, string | null>();

  /** `clock`: what the build's time is read from, to tell a racy face file (default Date.now). */
  constructor(private readonly clock: () => number = Date.now) {}

  /** The face's identity, or null when its file cannot be trusted or read. */
  of(face: Face): string | null {
    let identity = this.identities.get(face);
    if (identity === undefined) {
      const file = trustedIdentity(face.file, this.clock());
      identity = file === null ? null : `${file}:${face.postscriptName}`;
      this.identities.set(face, identity);
    }
    return identity;
  }
}
