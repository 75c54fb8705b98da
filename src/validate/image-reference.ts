import { quote } from '../private/quote';

// The grammar of github.com/distribution/reference (regexp.go), which the kubelet's image
// parsing (ParseNormalizedNamed) applies: [domain[:port]/]path[:tag][@digest].
const ALPHANUMERIC = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALPHANUMERIC}(?:${SEPARATOR}${ALPHANUMERIC})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const DOMAIN_AND_PORT = `${HOST}(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const NAME = `(?:${DOMAIN_AND_PORT}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const ANCHORED_DOMAIN_AND_PORT = new RegExp(`^${DOMAIN_AND_PORT}$`);
const ANCHORED_TAG = new RegExp(`^${TAG}$`);
/** `NameTotalLengthMax` of distribution/reference. */
const MAX_NAME_LENGTH = 255;
/** Longer than any reference: a name, a tag and a long digest. */
const MAX_REFERENCE_LENGTH = 1024;

/**
 * Why `image` is not an image reference the kubelet can parse (the grammar of
 * distribution/reference: `[domain[:port]/]path[:tag][@digest]`, the path in lower case), or
 * `undefined` if it is one. A pod with such an image fails with `InvalidImageName`.
 *
 * @see https://github.com/distribution/reference/blob/main/regexp.go
 */
export function imageReferenceMessage(image: string): string | undefined {
  // Checked first: the grammar's nested repetitions must not run over megabytes of input.
  if (image.length > MAX_REFERENCE_LENGTH) {
    return `image ${quote(image)} is not an image reference: it is ${image.length} characters long, and a repository name has at most ${MAX_NAME_LENGTH}, a tag 128`;
  }
  const match = REFERENCE.exec(image);
  if (match) {
    if (match[1].length <= MAX_NAME_LENGTH) return undefined;
    return `image ${quote(image)} is not an image reference: its repository name is over ${MAX_NAME_LENGTH} characters`;
  }
  return `image ${quote(image)} is not an image reference (${imageReferenceReason(image)}): the kubelet cannot parse it and the pod fails with InvalidImageName; ` +
    'write [registry[:port]/]repository[:tag][@digest], e.g. ghcr.io/acme/tool:v1.2.3';
}

/** What is wrong with a reference that does not match the grammar, for the message. */
function imageReferenceReason(image: string): string {
  if (/\s/.test(image)) return 'it contains white space';
  const at = image.indexOf('@');
  const beforeDigest = at >= 0 ? image.slice(0, at) : image;
  if (at >= 0 && !new RegExp(`^${DIGEST}$`).test(image.slice(at + 1))) return "the digest after '@' must be ALGORITHM:HEX, e.g. sha256: and 64 hex digits";
  const slash = beforeDigest.lastIndexOf('/');
  const colon = beforeDigest.lastIndexOf(':');
  const tag = colon > slash ? beforeDigest.slice(colon + 1) : undefined;
  if (tag !== undefined && !ANCHORED_TAG.test(tag)) return `tag ${quote(tag)} must be at most 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'`;
  const name = tag !== undefined ? beforeDigest.slice(0, colon) : beforeDigest;
  const parts = name.split('/');
  const hasDomain = parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost' || parts[0] !== parts[0].toLowerCase());
  if (hasDomain && !ANCHORED_DOMAIN_AND_PORT.test(parts[0])) return `registry ${quote(parts[0])} must be a host name with an optional :port`;
  const path = hasDomain ? parts.slice(1).join('/') : name;
  if (path !== path.toLowerCase()) return 'the repository name must be lower case';
  return "the repository name must be lower case letters and digits separated by '/', '.', '_', '__' or '-'";
}
