import { describe, expect, test } from 'vitest';
import { suggestsDanger } from '../../shared/danger.ts';

// Written the way young people write: no capitals, typos, chat spellings, missing accents.
const danger = [
  'ik wil dood',
  'Ik wil gewoon niet meer leven, alles is kut',
  'soms denk ik aan zelfmoord',
  'k wil er niet meer zijn',
  // From the chat console's review: the order after "soms", and chat spelling.
  'soms wil k er nie meer zijn echt',
  'Soms wil ik er gewoon niet meer zijn.',
  'ik wil er een eind aan maken',
  'ik heb mezelf gesneden en ik wil mezelf pijn doen',
  'ik snij mezelf al een paar maanden',
  'mn vader slaat me als hij dronken is',
  'mijn stiefvader sloeg me gisteren weer',
  'ik word thuis mishandeld',
  'Mijn broertje wordt thuis geslagen door mijn stiefvader, wat kan ik doen?',
  'mijn vader slaat mijn moeder als hij boos is',
  'ik durf niet meer naar huis',
  'hij dwingt me tot dingen die ik niet wil',
  'ik ben aangerand op een feest',
  'ik heb alle pillen uit de kast en wil ze slikken',
  'kms fr',
  'ik wil al mn paracetamol tegelijk innemen',
  'ik schreef een afscheidsbrief',
  'ik heb suïcidale gedachten',
  'mijn vriendin wil van de flat springen',
  'Mijn ex bedreigt me en zegt dat hij me wil vermoorden',
];
const calm = [
  'Ik word gepest op school, wat moet ik doen?',
  'mijn ouders gaan scheiden en ik vind het moeilijk',
  'ik ben doodmoe van school',
  'ik schaam me dood voor wat ik zei',
  'hoeveel mag je drinken als je 16 bent?',
  'de les was echt doodsaai',
  'ik ga dood van het lachen om die video',
  'ik blow elk weekend, is dat erg?',
  'onze docent sloeg alarm omdat ik veel spijbel',
  'ik game elke nacht tot 3 uur',
  'ik moet elke dag pillen slikken voor mijn adhd',
];

describe('danger check', () => {
  test.each(danger)('flags: %s', (text) => expect(suggestsDanger(text)).toBe(true));
  test.each(calm)('does not flag: %s', (text) => expect(suggestsDanger(text)).toBe(false));
});
