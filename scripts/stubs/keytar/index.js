// Offline linting never reads stored credentials; anything that tries is told so.
const unavailable = async () => { throw new Error('keytar is not available: Release Train only lints offline (no Atlassian login).'); };
module.exports = { getPassword: unavailable, setPassword: unavailable, deletePassword: unavailable, findCredentials: unavailable, findPassword: unavailable };
