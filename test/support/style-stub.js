/** Jest stand-in for stylesheets imported by Atlaskit's compiled components (the tests read markup, not styles). */
module.exports = {};
