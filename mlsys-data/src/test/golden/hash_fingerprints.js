// Independent golden values for HashSampler.hashKey: farmhash Fingerprint64 computed by the npm
// package farmhash-modern 1.1.0 (Google's C++ farmhash compiled to WebAssembly), over the bytes
// HashSampler documents: the seed as 8 little-endian bytes, then the key's bytes.
//
// Run once (Node 20):
//   mkdir /tmp/fh && cd /tmp/fh && npm install farmhash-modern@1.1.0
//   NODE_PATH=/tmp/fh/node_modules node src/test/golden/hash_fingerprints.js > src/test/resources/golden/hash_fingerprints.json
const fh = require('farmhash-modern');

function le(v) {
  const b = Buffer.alloc(8);
  b.writeBigInt64LE(BigInt.asIntN(64, BigInt(v)));
  return b;
}

// farmhash takes different paths for 0-16, 17-32, 33-64 and longer inputs: cover each
const texts = ['', 'a', 'user-1', 'exactly eight', 'a key of twenty-four by', 'thirty-three bytes of a text key!',
  'a longer key that runs past sixty-four bytes, into farmhash\'s loop over 64-byte blocks', 'grüße, 日本語'];
const cases = [];
for (const seed of ['0', '42', '-1', '9223372036854775807']) {
  for (const t of texts) {
    cases.push({seed, kind: 'text', key: t,
      fingerprint: BigInt.asIntN(64, fh.fingerprint64(Buffer.concat([le(seed), Buffer.from(t, 'utf8')]))).toString()});
  }
  for (const n of ['0', '7', '-123456789', '9223372036854775807']) {
    cases.push({seed, kind: 'long', key: n,
      fingerprint: BigInt.asIntN(64, fh.fingerprint64(Buffer.concat([le(seed), le(n)]))).toString()});
  }
}
console.log(JSON.stringify({source: 'farmhash-modern 1.1.0 fingerprint64', cases}, null, 1));
