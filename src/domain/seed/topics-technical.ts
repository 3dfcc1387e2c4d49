/** Demo topics of the technical categories and roaming: data, voicemail, network, phones, abroad. */
import type { Topic } from './content.ts';

export const TECHNICAL_TOPICS: readonly Topic[] = [
  {
    id: 'apn', category: 'assistance-technique', faq: 'parametres-internet-apn',
    fr: {
      titles: ["Pas d'internet mobile sur {phone}", 'Paramètres APN Volta ?', '4G affichée mais rien ne charge'],
      questions: [
        "Bonjour,\n\nLa 4G s'affiche en haut de l'écran mais aucune page ne charge sur mon {phone}. Les appels et les SMS marchent. Une idée ?",
        'Bonjour, quels sont les paramètres APN à mettre pour Volta ? Mon téléphone vient de chez {operator}.',
      ],
      answers: [
        "Bonjour @{asker}, c'est souvent l'APN. Va dans **Paramètres** > **Réseau mobile** > **Noms des points d'accès** et crée-en un :\n\n- Nom : `Volta`\n- APN : `web.volta`\n- tout le reste par défaut\n\nEnregistre, sélectionne-le et redémarre.",
        "Essaie d'abord de réinitialiser les paramètres réseau, puis vérifie que l'APN est bien **web.volta**. Les paramètres complets sont ici : https://volta.example/faq/parametres-internet-apn",
      ],
      faqTitle: 'Paramètres internet (APN)',
    },
    en: {
      titles: ['No mobile data on my {phone}', 'Volta APN settings?'],
      questions: ["Hi,\n\n4G shows at the top of the screen but no page loads on my {phone}. Calls and texts work. Any idea?"],
      answers: [
        "Hi @{asker}, it's usually the APN. Go to **Settings** > **Mobile network** > **Access point names** and add one:\n\n- Name: `Volta`\n- APN: `web.volta`\n- everything else default\n\nSave, select it and restart.",
        'Reset the network settings first, then check the APN is **web.volta**. Full settings: https://volta.example/faq/parametres-internet-apn',
      ],
      faqTitle: 'Internet settings (APN)',
    },
  },
  {
    id: 'voicemail', category: 'assistance-technique', faq: 'messagerie-vocale',
    fr: {
      titles: ['Mon téléphone ne sonne pas, direct messagerie', 'Configurer la messagerie vocale', 'Délai avant la messagerie vocale trop court'],
      questions: [
        'Bonjour, mes correspondants tombent directement sur la messagerie sans que mon {phone} sonne. Comment régler le délai ?',
        "Bonjour à tous,\n\nComment personnaliser l'annonce de ma messagerie vocale ? J'ai oublié le code secret.",
      ],
      answers: [
        "Bonjour @{asker}, pour le délai avant renvoi, compose `**61*777**25#` puis appel : 25 secondes au lieu de 15. Vérifie aussi qu'aucun renvoi d'appel n'est activé dans les réglages du téléphone.",
        'La messagerie Volta est au **777**. Menu 3 pour l’annonce, menu 4 pour le code secret. Le code par défaut, ce sont les 4 derniers chiffres de ton numéro.',
      ],
      faqTitle: 'Messagerie vocale',
    },
    en: {
      titles: ['Phone does not ring, calls go straight to voicemail', 'Voicemail picks up too fast'],
      questions: ['Hi, callers go straight to voicemail without my {phone} ringing. How do I change the delay?'],
      answers: [
        'Hi @{asker}, for the delay, dial `**61*777**25#` then call: 25 seconds instead of 15. Also check no call forwarding is on in the phone settings.',
        'Volta voicemail is on **777**. Option 3 for the greeting, option 4 for the PIN; the default PIN is the last 4 digits of your number.',
      ],
      faqTitle: 'Voicemail',
    },
  },
  {
    id: 'sms-mms', category: 'assistance-technique', faq: 'envoyer-des-mms',
    fr: {
      titles: ["Impossible d'envoyer des MMS", 'SMS non distribués depuis hier', 'Photos par message : échec'],
      questions: [
        "Bonjour, depuis que je suis chez Volta je ne peux pas envoyer de photos par MMS, ça reste en « échec ». Les SMS passent. Je suis sur {phone}.",
        "Bonjour,\n\nMes SMS restent bloqués avec un point d'exclamation rouge depuis hier. Vous avez le même problème ?",
      ],
      answers: [
        "Bonjour @{asker}, pour les MMS il faut un APN dédié : **mms.volta**. Et la data mobile doit être activée, même pour envoyer un MMS.",
        "Vérifie le **numéro du centre SMS** dans les paramètres des messages. S'il a été modifié, remets celui indiqué dans la FAQ et redémarre.",
      ],
      faqTitle: 'Envoyer des MMS',
    },
    en: {
      titles: ['Cannot send MMS', 'Texts not delivered since yesterday'],
      questions: ["Hi, since joining Volta I can't send photos by MMS, they fail. Texts work. I'm on my {phone}."],
      answers: [
        'Hi @{asker}, MMS needs its own APN: **mms.volta**, and mobile data must be on even to send one.',
        'Check the **SMS centre number** in the messaging settings. If it was changed, put back the one from the FAQ and restart.',
      ],
      faqTitle: 'Sending MMS',
    },
  },
  {
    id: 'wifi-calling', category: 'assistance-technique', faq: 'appels-wifi-volte',
    fr: {
      titles: ['Activer les appels Wi-Fi', 'La VoLTE est-elle compatible avec mon {phone} ?'],
      questions: [
        "Bonjour, je capte très mal chez moi mais j'ai une bonne connexion internet. Est-ce que Volta propose les appels Wi-Fi ? Comment les activer sur {phone} ?",
        "Bonjour, quand j'appelle, mon téléphone repasse en 3G et internet coupe. Il paraît que c'est la VoLTE, c'est dispo chez Volta ?",
      ],
      answers: [
        "Bonjour @{asker}, oui, les appels Wi-Fi sont inclus et gratuits. Sur la plupart des téléphones : **Paramètres** > **Réseau mobile** > **Appels Wi-Fi**. Ça s'active quelques minutes après un redémarrage.",
        'La VoLTE est active sur tous les forfaits Volta, mais ton téléphone doit être compatible et à jour. La liste des modèles est dans la FAQ.',
      ],
      faqTitle: 'Appels Wi-Fi et VoLTE',
    },
    en: {
      titles: ['Turning on Wi-Fi calling', 'Is VoLTE supported on my {phone}?'],
      questions: ["Hi, reception at home is poor but my internet is good. Does Volta do Wi-Fi calling? How do I turn it on on my {phone}?"],
      answers: [
        'Hi @{asker}, yes, Wi-Fi calling is included and free. On most phones: **Settings** > **Mobile network** > **Wi-Fi calling**; it kicks in a few minutes after a restart.',
        'VoLTE is on for every Volta plan, but the phone must be compatible and up to date. The model list is in the FAQ.',
      ],
      faqTitle: 'Wi-Fi calling and VoLTE',
    },
  },
  {
    id: 'outage', category: 'reseau', faq: 'incidents-reseau',
    fr: {
      titles: ['Plus de réseau à {city} depuis ce matin', 'Panne 4G dans le secteur de {city} ?', 'Aucun service à {city} ({region})'],
      questions: [
        "Bonjour,\n\nDepuis ce matin plus aucun réseau à {city}, ni appels ni internet. Mon {phone} affiche **Aucun service**. D'autres personnes dans le même cas ?",
        "Bonjour, la 4G ne fonctionne plus du tout chez moi à {city} depuis hier soir. Redémarrage fait, mode avion fait. Il y a une panne en cours ?",
      ],
      answers: [
        "Bonjour @{asker}, tu peux vérifier l'état du réseau sur la carte des incidents : https://volta.example/faq/incidents-reseau . Si plusieurs personnes du même secteur ont le problème, c'est sûrement une antenne en panne ou en maintenance.",
        "Même chose pour un ami à côté de {city}, ça ressemble à une panne d'antenne. En attendant, active les **appels Wi-Fi** si tu as une box, ça dépanne.",
      ],
      faqTitle: 'Incidents réseau',
      note: " L'incident sur le secteur de {city} est signalé à nos équipes réseau, nous reviendrons ici dès que nous aurons une date de rétablissement.",
    },
    en: {
      titles: ['No signal in {city} since this morning', '4G outage around {city}?'],
      questions: ["Hi,\n\nSince this morning there's no network at all in {city}, no calls, no data. My {phone} says **No service**. Anyone else?"],
      answers: [
        'Hi @{asker}, you can check the outage map: https://volta.example/faq/incidents-reseau . If several people in the same area have it, a mast is probably down or under maintenance.',
        'Same for a friend near {city}, looks like a mast outage. Meanwhile turn on **Wi-Fi calling** if you have broadband.',
      ],
      faqTitle: 'Network incidents',
      note: ' The incident around {city} has been reported to our network team; we will post here as soon as we have a repair time.',
    },
  },
  {
    id: 'indoor-coverage', category: 'reseau', faq: 'couverture-reseau',
    fr: {
      titles: ["Mauvaise réception à l'intérieur", 'Une seule barre de réseau dans mon appartement à {city}'],
      questions: [
        "Bonjour,\n\nÀ {city}, dehors j'ai la 4G sans souci mais dans mon appartement j'ai une barre et les appels coupent. Il y a une solution ?",
        'Bonjour, je viens de déménager à {city} et la réception est très mauvaise chez moi. La carte de couverture dit pourtant « très bonne couverture ».',
      ],
      answers: [
        "Bonjour @{asker}, la carte de couverture est calculée pour l'extérieur. À l'intérieur, les murs épais font beaucoup. Le plus efficace : les **appels Wi-Fi**, gratuits chez Volta.",
        "Essaie de forcer la 4G seule dans les réglages (pas « 5G/4G/3G auto »), chez moi ça a stabilisé la connexion. Et active les appels Wi-Fi.",
      ],
      faqTitle: 'Couverture réseau',
    },
    en: {
      titles: ['Poor reception indoors'],
      questions: ["Hi,\n\nIn {city} I get 4G fine outside but one bar in my flat and calls drop. Is there a fix?"],
      answers: [
        "Hi @{asker}, the coverage map is computed for outdoors; thick walls make a big difference. The best fix is **Wi-Fi calling**, free at Volta.",
        'Try forcing 4G only in the settings instead of auto mode; it stabilised things for me. And turn on Wi-Fi calling.',
      ],
      faqTitle: 'Network coverage',
    },
  },
  {
    id: '5g', category: 'reseau', faq: 'activer-la-5g',
    fr: {
      titles: ['La 5G ne s’affiche pas sur mon {phone}', 'La 5G apparaît et disparaît sans arrêt'],
      questions: [
        "Bonjour,\n\nJ'ai pris le **{plan2}** pour la 5G mais mon {phone} reste en 4G, même en centre-ville de {city}. Il faut activer quelque chose ?",
        "Bonjour, la 5G apparaît puis disparaît toutes les deux minutes. C'est normal ?",
      ],
      answers: [
        "Bonjour @{asker}, vérifie dans **Paramètres** > **Réseau mobile** > **Mode réseau préféré** que la 5G est cochée. Il faut aussi un forfait 5G et une mise à jour récente du téléphone.",
        "C'est normal que le téléphone bascule entre 4G et 5G selon le signal, il privilégie la batterie. Regarde la carte 5G de {city} dans la FAQ.",
      ],
      faqTitle: 'Activer la 5G',
    },
    en: {
      titles: ['5G does not show on my {phone}'],
      questions: ["Hi,\n\nI took **{plan2}** for 5G but my {phone} stays on 4G, even in central {city}. Do I need to turn something on?"],
      answers: [
        'Hi @{asker}, check **Settings** > **Mobile network** > **Preferred network type** has 5G ticked. You also need a 5G plan and a recent phone update.',
        'It is normal for the phone to switch between 4G and 5G depending on signal; it saves battery.',
      ],
      faqTitle: 'Turning on 5G',
    },
  },
  {
    id: 'calls-drop', category: 'reseau', faq: 'appels-coupes',
    fr: {
      titles: ['Appels qui coupent au bout de quelques secondes', 'Mes appels coupent en voiture'],
      questions: [
        "Bonjour,\n\nDepuis une semaine mes appels coupent au bout de 10 à 20 secondes, surtout à {city}. Internet marche bien. Je suis sur {phone}.",
        "Bonjour, sur l'autoroute mes appels coupent à chaque changement d'antenne. Quelqu'un a une astuce ?",
      ],
      answers: [
        "Bonjour @{asker}, active la **VoLTE** (appels en 4G) si ce n'est pas fait : sans elle le téléphone bascule en 3G pour appeler et ça coupe souvent.",
        "Fais une mise à jour du téléphone et une réinitialisation des paramètres réseau. Si ça continue au même endroit, signale-le ici avec la ville, ça aide à repérer une antenne défaillante.",
      ],
      faqTitle: 'Appels coupés',
    },
    en: {
      titles: ['Calls drop after a few seconds'],
      questions: ["Hi,\n\nFor a week my calls drop after 10–20 seconds, mostly in {city}. Data works fine. I'm on my {phone}."],
      answers: [
        "Hi @{asker}, turn on **VoLTE** (4G calling) if it isn't: without it the phone drops to 3G for calls and they often cut.",
        'Update the phone and reset network settings. If it keeps happening in the same place, post the town here: it helps spot a faulty mast.',
      ],
      faqTitle: 'Dropped calls',
    },
  },
  {
    id: 'unlock', category: 'telephones-mobiles', faq: 'desimlocker-mon-telephone',
    fr: {
      titles: ['Désimlocker un téléphone acheté chez {operator}', 'Mon {phone} est-il bloqué opérateur ?'],
      questions: [
        "Bonjour,\n\nJ'ai un {phone} acheté chez {operator} il y a deux ans. Quand je mets la SIM Volta, il demande un **code de déblocage**. Comment l'obtenir ?",
        "Bonjour, comment savoir si mon téléphone est simlocké avant de commander ma SIM Volta ?",
      ],
      answers: [
        "Bonjour @{asker}, c'est {operator} qui doit te donner le code : la demande est gratuite si le téléphone a plus de 3 mois. Ça se fait en ligne sur leur site avec le numéro IMEI (`*#06#`).",
        "Le plus simple : emprunte la SIM d'un ami d'un autre opérateur et mets-la dans ton téléphone. S'il ne demande pas de code, il est débloqué.",
      ],
      faqTitle: 'Désimlocker mon téléphone',
    },
    en: {
      titles: ['Unlocking a phone bought from {operator}'],
      questions: ["Hi,\n\nMy {phone} was bought from {operator} two years ago. With the Volta SIM it asks for an **unlock code**. How do I get it?"],
      answers: [
        'Hi @{asker}, {operator} has to give you the code; it is free once the phone is more than 3 months old. Ask online with your IMEI (`*#06#`).',
        "Simplest check: put a friend's SIM from another operator in the phone. If it doesn't ask for a code, it's unlocked.",
      ],
      faqTitle: 'Unlocking my phone',
    },
  },
  {
    id: 'sim-invalid', category: 'telephones-mobiles', faq: 'carte-sim-non-reconnue',
    fr: {
      titles: ['« Carte SIM non valide » sur mon {phone}', 'SIM non reconnue après une chute'],
      questions: [
        "Bonjour,\n\nDepuis ce matin mon {phone} affiche **Carte SIM non valide**. Hier tout marchait. J'ai déjà essayé de redémarrer.",
        'Bonjour, mon téléphone ne reconnaît plus la SIM après une chute. Est-ce la SIM ou le téléphone ?',
      ],
      answers: [
        "Bonjour @{asker}, teste ta SIM dans un autre téléphone. Si elle marche ailleurs, c'est le lecteur SIM ; sinon commande une **SIM de remplacement** dans ton espace client, tu gardes ton numéro.",
        "Nettoie délicatement la puce avec un chiffon sec et vérifie que le tiroir n'est pas tordu. Si rien n'y fait, une SIM de remplacement coûte 10 € et arrive en 48 h.",
      ],
      faqTitle: 'Carte SIM non reconnue',
    },
    en: {
      titles: ['"Invalid SIM" on my {phone}'],
      questions: ["Hi,\n\nSince this morning my {phone} says **Invalid SIM**. It worked yesterday and I've already restarted."],
      answers: [
        'Hi @{asker}, try your SIM in another phone. If it works there, it is the SIM reader; otherwise order a **replacement SIM** from your account, you keep your number.',
        'Gently clean the chip with a dry cloth and check the tray is not bent. Otherwise a replacement SIM costs €10 and arrives in 48 hours.',
      ],
      faqTitle: 'SIM not recognised',
    },
  },
  {
    id: 'lost-stolen', category: 'telephones-mobiles', faq: 'perte-ou-vol', account: 0.6,
    fr: {
      titles: ['Téléphone volé : bloquer la ligne et le téléphone', 'Perdu mon téléphone, que faire ?'],
      questions: [
        "Bonjour,\n\nOn m'a volé mon {phone} hier soir à {city}. Comment bloquer la ligne et l'IMEI ? Et est-ce que je garde mon numéro ?",
        "Bonjour, j'ai perdu mon téléphone. Je veux suspendre la ligne le temps de le retrouver, c'est possible ?",
      ],
      answers: [
        "Bonjour @{asker}, désolé pour toi. Suspends la ligne tout de suite dans **Mon compte** > **Perte ou vol**, puis porte plainte : avec le récépissé, l'IMEI peut être bloqué. Tu gardes ton numéro avec une nouvelle SIM.",
        "La suspension est gratuite et réversible. Pense aussi à localiser et effacer le téléphone à distance depuis le compte Google ou Apple.",
      ],
      faqTitle: 'Perte ou vol',
      outcome: "la ligne est suspendue, l'IMEI bloqué avec votre récépissé de plainte, et une SIM de remplacement vous est envoyée gratuitement",
    },
    en: {
      titles: ['Stolen phone: blocking the line and the phone'],
      questions: ["Hi,\n\nMy {phone} was stolen last night in {city}. How do I block the line and the IMEI? Do I keep my number?"],
      answers: [
        'Hi @{asker}, sorry to hear that. Suspend the line now under **My account** > **Loss or theft**, then file a police report: with it the IMEI can be blocked. You keep your number with a new SIM.',
        'Suspension is free and reversible. Also locate and wipe the phone remotely from your Google or Apple account.',
      ],
      faqTitle: 'Loss or theft',
      outcome: 'the line is suspended, the IMEI blocked with your police report, and a replacement SIM is on its way free of charge',
    },
  },
  {
    id: 'buy-phone', category: 'telephones-mobiles', faq: 'acheter-un-telephone',
    fr: {
      titles: ['Acheter un {phone} en plusieurs fois', 'Volta vend-il des téléphones ?'],
      questions: [
        "Bonjour, est-ce qu'on peut acheter un téléphone chez Volta et le payer en plusieurs fois sur la facture ? Je vise un {phone}.",
        "Bonjour,\n\nJe dois changer de téléphone. Vous conseillez d'acheter chez Volta ou ailleurs ? Il sera bien débloqué ?",
      ],
      answers: [
        "Bonjour @{asker}, oui, paiement en 4, 12 ou 24 fois sur la facture, sans engagement sur le forfait. Les téléphones vendus par Volta sont **tous débloqués**.",
        "Compare avec les sites reconditionnés, c'est souvent moins cher. Tous les téléphones récents marchent avec une SIM Volta.",
      ],
      faqTitle: 'Acheter un téléphone',
    },
    en: {
      titles: ['Buying the {phone} in instalments'],
      questions: ["Hi, can I buy a phone from Volta and pay in instalments on my bill? I'm looking at the {phone}."],
      answers: [
        'Hi @{asker}, yes: 4, 12 or 24 instalments on the bill, no plan commitment. Phones sold by Volta are **all unlocked**.',
        'Compare with refurbished shops too, often cheaper. Any recent phone works with a Volta SIM.',
      ],
      faqTitle: 'Buying a phone',
    },
  },
  {
    id: 'eu-roaming', category: 'international-roaming', faq: 'roaming-europe',
    fr: {
      titles: ['Utiliser mon forfait {country}', 'Roaming {country} : combien de data ?', 'Vacances {country}, ça marche comme en France ?'],
      questions: [
        "Bonjour,\n\nJe pars {days} jours {country}. Est-ce que mon {plan} fonctionne là-bas comme en France, appels et data ?",
        "Bonjour, je suis {country} depuis hier et je n'ai que 15 Go utilisables alors que mon forfait en a plus. C'est normal ?",
      ],
      answers: [
        "Bonjour @{asker}, dans l'Union européenne tu utilises ton forfait comme en France : appels et SMS illimités, et une **enveloppe data Europe** indiquée dans ta fiche tarifaire. Au-delà, c'est facturé.",
        "Oui c'est normal, l'enveloppe data en Europe est plus petite que le forfait France. Tu la vois dans l'appli, **Ma conso** > **Europe**.",
      ],
      faqTitle: 'Utiliser mon mobile en Europe',
    },
    en: {
      titles: ['Using my plan in {country}', 'Roaming data in {country}'],
      questions: ["Hi,\n\nI'm going to {country} for {days} days. Does my {plan} work there like in France, calls and data?"],
      answers: [
        'Hi @{asker}, in the EU your plan works like in France: unlimited calls and texts, plus a **Europe data allowance** shown in your price sheet. Beyond it, it is charged.',
        'Yes, the EU data allowance is smaller than the France one. You can see it in the app under **My usage** > **Europe**.',
      ],
      faqTitle: 'Using my phone in Europe',
    },
  },
  {
    id: 'outside-eu', category: 'international-roaming', faq: 'tarifs-hors-europe',
    fr: {
      titles: ['Tarifs {country} ?', 'Éviter une grosse facture {country}'],
      questions: [
        "Bonjour,\n\nJe vais {country} pour {days} jours. Combien coûtent les appels et internet là-bas ? J'ai peur d'une facture énorme.",
        'Bonjour, existe-t-il un pass voyage pour utiliser internet {country} sans mauvaise surprise ?',
      ],
      answers: [
        "Bonjour @{asker}, hors Europe c'est facturé à l'usage et ça monte vite. Prends un **pass voyage** (1 Go, 3 Go ou 10 Go selon la zone) dans **Mes options** > **International** avant de partir.",
        "Désactive les données en itinérance tant que le pass n'est pas pris, et utilise le Wi-Fi de l'hôtel pour les appels (WhatsApp ou appels Wi-Fi).",
      ],
      faqTitle: 'Tarifs hors Europe',
    },
    en: {
      titles: ['Prices in {country}?', 'Avoiding a huge bill in {country}'],
      questions: ["Hi,\n\nI'm going to {country} for {days} days. How much do calls and data cost there? I'm worried about a huge bill."],
      answers: [
        'Hi @{asker}, outside Europe it is pay-as-you-go and adds up fast. Get a **travel pass** (1, 3 or 10 GB depending on the zone) under **My add-ons** > **International** before leaving.',
        'Keep data roaming off until the pass is active, and use hotel Wi-Fi for calls.',
      ],
      faqTitle: 'Prices outside Europe',
    },
  },
  {
    id: 'roaming-not-working', category: 'international-roaming', faq: 'activer-l-itinerance',
    fr: {
      titles: ["Pas de réseau {country}, l'itinérance ne marche pas", 'Aucun internet {country} malgré le roaming activé'],
      questions: [
        "Bonjour,\n\nJe viens d'arriver {country} et mon {phone} ne capte aucun réseau. En France tout marchait. Qu'est-ce que j'ai oublié ?",
        "Bonjour, les appels marchent {country} mais pas internet. L'itinérance est bien activée sur le téléphone.",
      ],
      answers: [
        "Bonjour @{asker}, vérifie deux choses : **Itinérance des données** activée dans le téléphone, et l'option **Usage à l'étranger** active dans ton espace client (elle est désactivée sur certaines lignes).",
        "Essaie de choisir l'opérateur partenaire à la main dans **Réseau mobile** > **Opérateur**, au lieu du mode automatique, puis redémarre.",
      ],
      faqTitle: "Activer l'itinérance",
    },
    en: {
      titles: ['No network in {country}, roaming not working'],
      questions: ["Hi,\n\nI just arrived in {country} and my {phone} gets no network at all. Everything worked in France. What did I miss?"],
      answers: [
        'Hi @{asker}, check two things: **Data roaming** on in the phone, and **Use abroad** enabled in your account (it is off on some lines).',
        'Try picking the partner network manually under **Mobile network** > **Operator** instead of automatic, then restart.',
      ],
      faqTitle: 'Turning on roaming',
    },
  },
  {
    id: 'call-abroad', category: 'international-roaming', faq: 'appeler-l-etranger',
    fr: {
      titles: ["Appeler un numéro à l'étranger depuis la France", 'Appeler {country} moins cher ?'],
      questions: [
        "Bonjour,\n\nJ'appelle souvent ma famille {country} depuis la France. C'est inclus dans le {plan} ou c'est facturé ?",
        "Bonjour, y a-t-il une option pour appeler l'international moins cher ? J'appelle des proches {country} chaque semaine.",
      ],
      answers: [
        "Bonjour @{asker}, depuis la France, les appels vers l'Europe sont inclus dans la plupart des forfaits, le reste du monde est facturé à la minute. Il existe une **option International** à 5 €/mois avec 2 h vers 50 destinations.",
        "Regarde la fiche tarifaire, le pays y est avec son prix à la minute. Si tu appelles souvent, l'option International est vite rentabilisée.",
      ],
      faqTitle: "Appeler l'étranger",
    },
    en: {
      titles: ['Calling abroad from France'],
      questions: ["Hi,\n\nI often call my family in {country} from France. Is it included in {plan} or charged?"],
      answers: [
        'Hi @{asker}, from France calls to Europe are included in most plans, the rest of the world is charged per minute. The **International add-on** at €5/month gives 2 hours to 50 destinations.',
        'Check the price sheet, every country is listed with its per-minute price. If you call often, the add-on pays for itself quickly.',
      ],
      faqTitle: 'Calling abroad',
    },
  },
];
