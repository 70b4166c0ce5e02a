/** A failure stated in another common language counts as the observed result, as it does in English. */
import { analyseReproSteps } from '../../../src/domain/repro-steps';

it.each([
  ['Wenn ich auf Speichern klicke, stürzt die App ab.'],
  ['Beim Speichern kommt eine Fehlermeldung.'],
  ["Quand je clique sur Enregistrer, l'application plante."],
  ['Cuando hago clic en Guardar, la aplicación se cierra.'],
  ['Ao clicar em Salvar, o botão não funciona.'],
  ['Quando clicco su Salva, la pagina non funziona.'],
  ['Als ik op Opslaan klik: de knop werkt niet.'],
])('%s: the actual result is there', (description) => {
  const a = analyseReproSteps({ summary: 'Save', description });
  expect(a.has.actual).toBe(true);
  expect(a.findings.map((f) => f.code)).not.toContain('MISSING_ACTUAL');
});

it('a sentence in another language without a failure word is not an actual result', () => {
  expect(analyseReproSteps({ summary: 'Save', description: 'Bitte prüfen Sie die Einstellungen im Profil.' }).has.actual).toBe(false);
});
