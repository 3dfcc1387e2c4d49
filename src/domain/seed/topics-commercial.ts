/** Demo topics of the commercial categories: plans and activation, billing, porting, offers. */
import type { Topic } from './content.ts';

export const COMMERCIAL_TOPICS: readonly Topic[] = [
  {
    id: 'change-plan', category: 'activation-forfait', faq: 'changer-de-forfait',
    fr: {
      titles: ['Passer du forfait {plan} au {plan2}', 'Changer de forfait en cours de mois ?', 'Comment changer de forfait sans frais ?'],
      questions: [
        "Bonjour,\n\nJ'ai actuellement le forfait **{plan}** et je voudrais passer au **{plan2}**. Est-ce que je peux le faire en cours de mois et est-ce qu'il y a des frais ?\n\nMerci d'avance !",
        "Bonsoir à tous,\n\nMon forfait {plan} ne me suffit plus, je dépasse tous les mois. Je cherche comment changer de forfait mais je ne trouve pas dans l'appli. Quelqu'un peut m'aider ?",
      ],
      answers: [
        "Bonjour @{asker},\n\nTu peux le faire toi-même depuis ton espace client :\n\n1. **Mon compte** > **Mon forfait**\n2. **Changer de forfait**\n3. Choisis le {plan2} et valide.\n\nC'est gratuit, et vers un forfait supérieur c'est immédiat.",
        "Salut, aucun frais pour changer de forfait chez Volta. Vers un forfait plus cher c'est immédiat, vers un moins cher c'est à la prochaine date de renouvellement. Tout se fait dans l'appli, rubrique **Mon forfait**.",
      ],
      faqTitle: 'Changer de forfait',
    },
    en: {
      titles: ['Switching from {plan} to {plan2}', 'Can I change my plan mid-month?'],
      questions: [
        "Hi,\n\nI'm on the **{plan}** plan and I'd like to move to **{plan2}**. Can I do it mid-month, and are there any fees?\n\nThanks!",
        "Hello, my {plan} plan isn't enough anymore and I can't find where to change it in the app. Any help?",
      ],
      answers: [
        "Hi @{asker},\n\nYou can do it yourself in your account:\n\n1. **My account** > **My plan**\n2. **Change plan**\n3. Pick {plan2} and confirm.\n\nIt's free, and an upgrade applies straight away.",
        'No fee to change plans at Volta. An upgrade is immediate, a downgrade applies at your next renewal date. All in the app under **My plan**.',
      ],
      faqTitle: 'Changing plans',
    },
  },
  {
    id: 'sim-activation', category: 'activation-forfait', faq: 'activer-ma-carte-sim', account: 0.3,
    fr: {
      titles: ['Carte SIM reçue mais toujours pas activée', 'SIM pas activée après {days} jours', 'Activation de la SIM : « Aucun service »'],
      questions: [
        "Bonjour,\n\nJ'ai reçu ma carte SIM il y a {days} jours et mon {phone} affiche toujours **Aucun service**. J'ai bien cliqué sur le lien d'activation dans le mail. C'est normal ?",
        "Bonjour, commande passée la semaine dernière, SIM insérée dans mon {phone} mais pas de réseau. Combien de temps prend l'activation ?",
      ],
      answers: [
        "Bonjour @{asker}, l'activation prend en général 2 à 4 h, parfois jusqu'à 24 h. Éteins complètement le téléphone, retire la SIM, remets-la et rallume. Vérifie aussi que tu as saisi le **code d'activation** à 6 chiffres dans ton espace client.",
        "As-tu bien activé la ligne dans **Mon compte** > **Activer ma SIM** ? Sans cette étape la SIM reste inactive. Ensuite compte quelques heures et redémarre.",
      ],
      faqTitle: 'Activer ma carte SIM',
      outcome: 'votre ligne était bloquée à une étape de vérification d’identité, elle est maintenant active',
    },
    en: {
      titles: ['SIM received but still not active', 'SIM not activated after {days} days'],
      questions: ["Hi,\n\nI got my SIM {days} days ago and my {phone} still says **No service**. I did click the activation link in the email. Is this normal?"],
      answers: [
        'Hi @{asker}, activation usually takes 2 to 4 hours, sometimes up to 24. Switch the phone off completely, take the SIM out, put it back and restart. Also check you entered the 6-digit **activation code** in your account.',
        'Did you activate the line under **My account** > **Activate my SIM**? Without that step the SIM stays inactive.',
      ],
      faqTitle: 'Activating my SIM card',
      outcome: 'your line was stuck at an identity check step, it is now active',
    },
  },
  {
    id: 'esim', category: 'activation-forfait', faq: 'installer-une-esim',
    fr: {
      titles: ["Installer l'eSIM sur {phone}", "Passer de la SIM physique à l'eSIM", 'QR code eSIM qui ne fonctionne pas'],
      questions: [
        "Bonjour,\n\nJ'ai demandé une eSIM pour mon {phone}. Quand je scanne le QR code, j'ai le message « Impossible d'ajouter le forfait ». Quelqu'un a déjà eu ce souci ?",
        "Bonjour, je voudrais passer à l'eSIM sans changer de numéro. Comment on fait et est-ce payant ?",
      ],
      answers: [
        "Bonjour, le QR code ne peut être scanné **qu'une seule fois**. Si le premier essai a échoué, redemandes-en un dans **Mon compte** > **Ma SIM** > **Nouveau QR code**. Et fais-le en Wi-Fi, ça évite pas mal d'erreurs.",
        "Le passage à l'eSIM est gratuit une fois par an : **Ma SIM** > **Passer à l'eSIM**. Le QR code arrive par mail en quelques minutes, la SIM physique est désactivée dès que l'eSIM est installée.",
      ],
      faqTitle: 'Installer une eSIM',
    },
    en: {
      titles: ['Installing the eSIM on my {phone}', 'eSIM QR code does not work'],
      questions: ["Hello,\n\nI asked for an eSIM for my {phone}. When I scan the QR code I get \"Unable to add plan\". Has anyone seen this?"],
      answers: [
        'Hi, the QR code can only be scanned **once**. If the first try failed, ask for a new one in **My account** > **My SIM** > **New QR code**, and do it on Wi-Fi.',
        'Switching to eSIM is free once a year: **My SIM** > **Switch to eSIM**. The QR code arrives by email within minutes.',
      ],
      faqTitle: 'Installing an eSIM',
    },
  },
  {
    id: 'data-cap', category: 'activation-forfait', faq: 'suivre-ma-consommation',
    fr: {
      titles: ['Data épuisée avant la date de renouvellement', 'Mon forfait se renouvelle quand ?', 'Débit très lent en fin de mois'],
      questions: [
        "Bonjour,\n\nJe suis à 100 % de mon enveloppe data sur mon {plan} alors qu'il reste {days} jours. Le débit est devenu très lent. Je peux recharger sans changer de forfait ?",
        "Bonjour, je ne comprends pas à quelle date mon forfait se renouvelle, ce n'est pas le 1er du mois. Où le voir ?",
      ],
      answers: [
        "Bonjour @{asker}, une fois l'enveloppe consommée le débit est réduit mais tu n'es pas facturé en plus. Tu peux prendre un **pass data** de 5 ou 10 Go dans **Mes options**, valable jusqu'au renouvellement.",
        "Le forfait se renouvelle à la date anniversaire de l'activation, pas au 1er du mois. Tu la vois dans l'appli, en haut de l'écran **Ma conso**.",
      ],
      faqTitle: 'Suivre ma consommation',
    },
    en: {
      titles: ['Out of data before my renewal date', 'When does my plan renew?'],
      questions: ["Hi,\n\nI've used 100% of my data on {plan} with {days} days left and it's very slow now. Can I top up without changing plans?"],
      answers: [
        "Hi @{asker}, once the allowance is used the speed is reduced but you're not charged extra. You can add a 5 or 10 GB **data pass** under **My add-ons**, valid until renewal.",
        'Plans renew on the anniversary of your activation, not on the 1st. You can see the date at the top of **My usage** in the app.',
      ],
      faqTitle: 'Tracking my usage',
    },
  },
  {
    id: 'bill-too-high', category: 'facturation', faq: 'comprendre-ma-facture', account: 0.5,
    fr: {
      titles: ['Facture de {amount} ce mois-ci, je ne comprends pas', 'Hors forfait sur ma facture', 'Facture plus élevée que d’habitude'],
      questions: [
        "Bonjour,\n\nMa facture de ce mois est de **{amount}** alors que mon forfait {plan} coûte bien moins cher. Je n'ai pas changé mes habitudes. D'où peut venir la différence ?",
        "Bonjour, j'ai du hors forfait sur ma dernière facture avec des numéros que je ne connais pas. Comment savoir ce que c'est ?",
      ],
      answers: [
        "Bonjour @{asker}, regarde le **détail des communications** dans ton espace client (**Mes factures** > **Détail**). Le plus souvent ce sont des appels vers des numéros surtaxés (08…) ou des SMS+ de jeux, qui ne sont pas inclus.",
        "Ça ressemble à des services SMS+ ou à un abonnement tiers. Tu peux les bloquer gratuitement : **Mes options** > **Blocage des services payants**. Pour un remboursement, un conseiller devra regarder ton dossier.",
      ],
      faqTitle: 'Comprendre ma facture',
      outcome: 'les montants venaient d’un service tiers souscrit par erreur ; il est résilié et le montant contesté sera remboursé sur votre prochaine facture',
    },
    en: {
      titles: ['Bill of {amount} this month, I do not understand', 'Extra charges on my bill'],
      questions: ["Hi,\n\nMy bill this month is **{amount}** while my {plan} plan costs much less. I haven't changed anything. Where could the difference come from?"],
      answers: [
        'Hi @{asker}, check the **itemised calls** in your account (**My bills** > **Details**). Most often it is premium-rate numbers or game text services, which are not included.',
        'Looks like premium SMS or a third-party subscription. You can block them for free under **My add-ons** > **Block paid services**. For a refund an advisor will need to open your account.',
      ],
      faqTitle: 'Understanding my bill',
      outcome: 'the charges came from a third-party service subscribed by mistake; it is cancelled and the disputed amount will be refunded on your next bill',
    },
  },
  {
    id: 'payment-failed', category: 'facturation', faq: 'moyens-de-paiement', account: 0.6,
    fr: {
      titles: ['Prélèvement refusé, ligne suspendue ?', 'Changer de carte bancaire pour le prélèvement'],
      questions: [
        "Bonjour, j'ai reçu un mail disant que mon prélèvement a été rejeté. J'ai changé de banque le mois dernier. Est-ce que ma ligne va être coupée ?",
        "Bonjour,\n\nMa carte bancaire a expiré et je ne trouve pas où mettre la nouvelle. Comment faire pour que le paiement passe ?",
      ],
      answers: [
        "Bonjour @{asker}, pas de panique, la ligne n'est pas coupée tout de suite. Mets à jour ton RIB dans **Mon compte** > **Paiement**, puis régularise la facture par carte depuis la même page.",
        "Il faut aller dans **Mon compte** > **Paiement** > **Modifier le moyen de paiement**. Le prochain prélèvement se fera sur la nouvelle carte, et pour la facture en retard il y a un bouton **Payer maintenant**.",
      ],
      faqTitle: 'Moyens de paiement',
      outcome: 'votre nouveau RIB est bien enregistré et la facture en attente est régularisée, sans frais de rejet',
    },
    en: {
      titles: ['Direct debit rejected, will my line be cut?', 'Updating my card for payments'],
      questions: ["Hi, I got an email saying my direct debit was rejected. I changed banks last month. Will my line be suspended?"],
      answers: [
        "Hi @{asker}, don't worry, the line isn't cut right away. Update your bank details under **My account** > **Payment**, then pay the bill by card from the same page.",
        'Go to **My account** > **Payment** > **Change payment method**. The next debit uses the new card; for the late bill there is a **Pay now** button.',
      ],
      faqTitle: 'Payment methods',
      outcome: 'your new bank details are saved and the pending bill is settled, with no rejection fee',
    },
  },
  {
    id: 'invoice-download', category: 'facturation', faq: 'telecharger-mes-factures',
    fr: {
      titles: ['Où télécharger mes factures ?', 'Récupérer mes anciennes factures en PDF'],
      questions: [
        "Bonjour, j'ai besoin de mes factures des 6 derniers mois pour une note de frais. Où est-ce qu'on les trouve ?",
        "Bonjour à tous, l'appli ne m'affiche que la dernière facture. Comment avoir les anciennes en PDF ?",
      ],
      answers: [
        "Bonjour @{asker}, sur le site : **Mon compte** > **Mes factures**, tu as les 12 derniers mois en PDF. Au-delà il faut faire une demande.",
        "Dans l'appli, fais défiler tout en bas de **Mes factures**, il y a **Voir l'historique**. Chaque facture se télécharge en PDF.",
      ],
      faqTitle: 'Télécharger mes factures',
    },
    en: {
      titles: ['Where can I download my bills?', 'Getting old bills as PDF'],
      questions: ['Hi, I need my last six bills for an expense claim. Where do I find them?'],
      answers: [
        'Hi @{asker}, on the website: **My account** > **My bills** has the last 12 months as PDF.',
        'In the app, scroll to the bottom of **My bills** and tap **See history**; each bill downloads as a PDF.',
      ],
      faqTitle: 'Downloading my bills',
    },
  },
  {
    id: 'refund-after-cancel', category: 'facturation', faq: 'resilier-ma-ligne', account: 0.7,
    fr: {
      titles: ['Remboursement après résiliation', 'Prélevé alors que j’ai résilié'],
      questions: [
        "Bonjour,\n\nJ'ai résilié ma ligne il y a {days} jours (portabilité vers {operator}) et j'ai quand même été prélevé de {amount}. Est-ce que ce sera remboursé ?",
        "Bonjour, j'ai été facturé un mois complet alors que j'ai résilié en milieu de mois. C'est normal ?",
      ],
      answers: [
        "Bonjour @{asker}, la dernière facture est calculée **au prorata** jusqu'à la date de résiliation. Si tu as payé plus, le trop-perçu est remboursé automatiquement sous 30 jours environ.",
        "C'est normal d'avoir un dernier prélèvement, il couvre les jours jusqu'à la portabilité. S'il est anormalement élevé, un conseiller devra regarder ton dossier.",
      ],
      faqTitle: 'Résilier ma ligne',
      outcome: 'le trop-perçu a été calculé et le remboursement est parti, comptez 5 à 10 jours selon votre banque',
    },
    en: {
      titles: ['Refund after cancelling', 'Charged after I cancelled'],
      questions: ["Hi,\n\nI cancelled my line {days} days ago (moved to {operator}) and was still charged {amount}. Will it be refunded?"],
      answers: [
        'Hi @{asker}, the last bill is **prorated** up to the cancellation date. If you paid more, the difference is refunded automatically within about 30 days.',
        'A last debit is normal, it covers the days until the port-out. If it looks too high an advisor will need to check your account.',
      ],
      faqTitle: 'Cancelling my line',
      outcome: 'the overpayment was calculated and the refund is on its way, allow 5 to 10 days depending on your bank',
    },
  },
  {
    id: 'rio', category: 'portabilite', faq: 'code-rio',
    fr: {
      titles: ['Comment obtenir mon code RIO ?', 'Garder mon numéro en venant de chez {operator}', 'Code RIO introuvable'],
      questions: [
        "Bonjour,\n\nJe suis chez {operator} et je veux passer chez Volta en gardant mon numéro. On me demande un **code RIO**, c'est quoi et où je le trouve ?",
        "Bonjour, je commande ma SIM Volta ce soir. Pour garder mon numéro il faut faire quelque chose chez mon ancien opérateur ?",
      ],
      answers: [
        "Bonjour @{asker}, appelle le **3179** depuis ta ligne actuelle (gratuit) : un serveur vocal te donne le RIO et tu le reçois aussi par SMS. Tu le saisis lors de la commande Volta, et c'est Volta qui résilie ton ancien forfait.",
        "Tu n'as rien à résilier toi-même ! Récupère juste ton RIO au 3179 et indique-le à la commande. La portabilité se fait en 3 jours ouvrés en général.",
      ],
      faqTitle: 'Obtenir mon code RIO',
    },
    en: {
      titles: ['How do I get my RIO code?', 'Keeping my number when joining from {operator}'],
      questions: ["Hi,\n\nI'm with {operator} and want to move to Volta keeping my number. I'm asked for a **RIO code**: what is it and where do I get it?"],
      answers: [
        'Hi @{asker}, call **3179** from your current line (free): a voice menu reads your RIO and texts it to you. Enter it when ordering from Volta, and Volta cancels your old plan for you.',
        "You don't cancel anything yourself! Just get the RIO from 3179 and enter it when ordering; porting usually takes 3 working days.",
      ],
      faqTitle: 'Getting my RIO code',
    },
  },
  {
    id: 'porting-date', category: 'portabilite', faq: 'date-de-portabilite',
    fr: {
      titles: ['Portabilité prévue demain, je dois faire quoi ?', 'Date de portabilité : quand mon numéro bascule ?'],
      questions: [
        "Bonjour, ma portabilité est prévue pour demain. Est-ce que je dois mettre la SIM Volta tout de suite ou attendre ? J'ai peur de rester sans ligne.",
        "Bonjour,\n\nJ'ai commandé il y a {days} jours avec mon RIO. Comment savoir à quelle date mon numéro passe chez Volta ?",
      ],
      answers: [
        "Bonjour @{asker}, garde ton ancienne SIM jusqu'à ce qu'elle perde le réseau (souvent en matinée le jour J), puis mets la SIM Volta et redémarre. La coupure dure rarement plus de quelques heures.",
        "La date est affichée dans ton espace client, rubrique **Suivi de commande**. Tu reçois aussi un SMS la veille.",
      ],
      faqTitle: 'Date de portabilité',
    },
    en: {
      titles: ['Porting date: when does my number switch?', 'Porting tomorrow, what should I do?'],
      questions: ['Hi, my port is scheduled for tomorrow. Should I put the Volta SIM in now or wait? I am worried about having no line.'],
      answers: [
        'Hi @{asker}, keep your old SIM until it loses signal (usually in the morning on the day), then insert the Volta SIM and restart.',
        'The date is shown in your account under **Order tracking**, and you get a text the day before.',
      ],
      faqTitle: 'Porting date',
    },
  },
  {
    id: 'porting-failed', category: 'portabilite', faq: 'portabilite-echec', account: 0.7,
    fr: {
      titles: ['Portabilité échouée, numéro temporaire', 'SMS « portabilité refusée », que faire ?'],
      questions: [
        "Bonjour,\n\nMa portabilité depuis {operator} a échoué et j'ai un **numéro provisoire** Volta depuis {days} jours. Mon RIO était pourtant bon. Que faire ?",
        "Bonjour, j'ai reçu un SMS « portabilité refusée ». Je n'ai plus de ligne chez {operator} non plus ?",
      ],
      answers: [
        "Bonjour @{asker}, le plus souvent c'est un RIO qui ne correspond pas au titulaire de la ligne. Rappelle le 3179 pour vérifier, puis il faudra qu'un conseiller relance la demande.",
        "Ton ancienne ligne reste active tant que la portabilité n'a pas abouti, donc rien n'est perdu. Un conseiller peut relancer la demande avec le bon RIO.",
      ],
      faqTitle: 'Portabilité en échec',
      outcome: 'la demande de portabilité a été relancée avec le bon RIO, votre numéro sera transféré sous 3 jours ouvrés',
    },
    en: {
      titles: ['Porting failed, temporary number'],
      questions: ["Hi,\n\nMy port from {operator} failed and I've had a **temporary number** for {days} days. My RIO was correct. What now?"],
      answers: [
        'Hi @{asker}, usually the RIO does not match the line holder. Check it again at 3179; an advisor will then need to restart the request.',
        'Your old line stays active until the port succeeds, so nothing is lost. An advisor can restart it with the right RIO.',
      ],
      faqTitle: 'Failed porting',
      outcome: 'the porting request was restarted with the right RIO, your number will move within 3 working days',
    },
  },
  {
    id: 'data-pass', category: 'offres-options', faq: 'options-data',
    fr: {
      titles: ['Quel pass data pour les vacances ?', 'Pass data non utilisé : reporté le mois suivant ?'],
      questions: [
        "Bonjour, je pars {days} jours en camping et j'aurai besoin de plus de data que mon {plan}. Les pass data sont valables combien de temps ?",
        "Bonjour,\n\nSi je prends un pass 10 Go et que je ne l'utilise pas en entier, le reste est reporté le mois suivant ?",
      ],
      answers: [
        "Bonjour @{asker}, les pass data sont valables **jusqu'à ton prochain renouvellement**, pas de report ensuite. Si tu dépasses souvent, changer de forfait revient moins cher.",
        "Pas de report pour les pass, mais la data non consommée du forfait, elle, est reportée un mois. Les pass sont dans **Mes options** > **Data**.",
      ],
      faqTitle: 'Les options data',
    },
    en: {
      titles: ['Which data pass for the holidays?'],
      questions: ["Hi, I'm away for {days} days and will need more data than my {plan}. How long are data passes valid?"],
      answers: [
        'Hi @{asker}, data passes are valid **until your next renewal**, with no rollover. If you top up often, a bigger plan is cheaper.',
        'No rollover for passes, but unused plan data does roll over one month. Passes are under **My add-ons** > **Data**.',
      ],
      faqTitle: 'Data add-ons',
    },
  },
  {
    id: 'parental-control', category: 'offres-options', faq: 'controle-parental',
    fr: {
      titles: ['Contrôle parental sur la ligne de mon fils', 'Bloquer les achats et SMS+ sur une ligne enfant'],
      questions: [
        "Bonjour,\n\nJe viens de prendre une ligne {plan} pour mon fils de 12 ans. Est-ce qu'il y a un contrôle parental chez Volta ? Je voudrais surtout bloquer les achats.",
        'Bonjour, comment bloquer les numéros surtaxés et les SMS+ sur la ligne de ma fille ?',
      ],
      answers: [
        "Bonjour @{asker}, oui c'est gratuit : **Mes options** > **Contrôle parental**. Tu peux bloquer les achats sur facture, les SMS+ et les numéros surtaxés.",
        "En plus de l'option Volta, pense au contrôle parental du téléphone lui-même (temps d'écran, applis). Les deux se complètent bien.",
      ],
      faqTitle: 'Contrôle parental',
    },
    en: {
      titles: ["Parental control on my son's line"],
      questions: ["Hi,\n\nI just got a {plan} line for my 12-year-old. Does Volta have parental control? Mostly I want to block purchases."],
      answers: [
        "Hi @{asker}, yes, it's free: **My add-ons** > **Parental control** blocks carrier billing, premium SMS and premium-rate numbers.",
        "On top of Volta's option, use the phone's own controls (screen time, apps); they work well together.",
      ],
      faqTitle: 'Parental control',
    },
  },
  {
    id: 'multi-line', category: 'offres-options', faq: 'offre-famille',
    fr: {
      titles: ['Réduction pour plusieurs lignes ?', 'Ajouter une deuxième ligne sur mon compte'],
      questions: [
        "Bonjour, on a trois lignes Volta dans la famille sur des comptes différents. Est-ce qu'il existe une remise si on regroupe tout ?",
        "Bonjour,\n\nJe voudrais ajouter une deuxième ligne {plan2} sur mon compte. Est-ce que c'est une seule facture ?",
      ],
      answers: [
        "Bonjour @{asker}, oui : à partir de la 2e ligne sur le même compte il y a **-2 €/mois** par ligne, et une seule facture. Ça se fait dans **Mon compte** > **Ajouter une ligne**.",
        "Une seule facture pour toutes les lignes du compte, avec le détail ligne par ligne. Pour regrouper des lignes existantes, la FAQ explique la démarche.",
      ],
      faqTitle: 'Offre famille et multi-lignes',
    },
    en: {
      titles: ['Discount for several lines?'],
      questions: ['Hi, we have three Volta lines in the family on separate accounts. Is there a discount if we group them?'],
      answers: [
        'Hi @{asker}, yes: from the 2nd line on the same account there is **€2 off per month** per line, with one single bill.',
        'One bill for all lines on the account, itemised per line. The FAQ explains how to merge existing lines.',
      ],
      faqTitle: 'Family and multi-line offer',
    },
  },
  {
    id: 'promo', category: 'offres-options', faq: 'offres-du-moment',
    fr: {
      titles: ['Profiter de la promo en étant déjà client ?', 'Nouvelle offre moins chère que mon forfait'],
      questions: [
        "Bonjour,\n\nJe vois que le {plan2} est en promo pour les nouveaux clients. Je suis client depuis 2 ans avec le {plan} : est-ce que je peux en profiter aussi ?",
        "Bonjour, l'offre du moment a plus de data que mon forfait pour moins cher. Pourquoi je paie plus en étant fidèle ?",
      ],
      answers: [
        "Bonjour @{asker}, la plupart des promos sont ouvertes aux clients existants via **Changer de forfait**, sans frais. Si l'offre n'apparaît pas, c'est qu'elle est réservée aux nouvelles lignes.",
        "Regarde dans **Mon forfait** > **Changer de forfait** : si la promo y est, tu peux basculer gratuitement, sans engagement.",
      ],
      faqTitle: 'Les offres du moment',
    },
    en: {
      titles: ['Can existing customers get the promo?'],
      questions: ["Hi,\n\n{plan2} is on promotion for new customers. I've been on {plan} for 2 years: can I get it too?"],
      answers: [
        'Hi @{asker}, most promotions are open to existing customers through **Change plan**, free of charge. If it is not listed there, it is for new lines only.',
        'Check **My plan** > **Change plan**: if the promo is there you can switch for free, no commitment.',
      ],
      faqTitle: 'Current offers',
    },
  },
];
