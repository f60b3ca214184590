import Testing
import SitrepCore
@testable import SitrepExtract

/// Rules that decide a text's ACLED sub-event type: protest policing, weapons that change a battle or a
/// destruction, names and dates that hold trigger words, accident words, attempts and accusations.
struct SubEventRuleTests {
    struct Case: CustomStringConvertible, Sendable {
        var text: String
        var type: EventType?
        var mode: EventMode?
        var description: String { text }
    }

    static let mainEvents: [Case] = [
        Case(text: "Sexual violence by the militia against women in the camps went on for months.", type: .sexualViolence),
        Case(text: "Police fired tear gas and rubber bullets to disperse the crowd, injuring dozens of people.", type: .protest, mode: .excessiveForce),
        Case(text: "Police used live bullets to disperse a march in the capital.", type: .protest, mode: .excessiveForce),
        Case(text: "Soldiers carried out the violent dispersal of the sit-in outside the ministry.", type: .protest, mode: .withIntervention),
        Case(text: "Riot police chased students during a march in the capital.", type: .protest, mode: .withIntervention),
        Case(text: "Warplanes of the air force destroyed five vehicles near the village.", type: .attack, mode: .airstrike),
        Case(text: "Poison gas was spread amid clashes between the militia and the army.", type: .attack, mode: .chemical),
        Case(text: "Gunmen abducted the governor of the province on the coast road.", type: .abduction),
        Case(text: "The militia handed over the town to the army after the deal.", type: .withdrawal),
        Case(text: "Militants stole the copper cables of the old railway.", type: .propertyDestruction),
        Case(text: "Militants carried out attacks against the security forces near the oil refinery, killing nine soldiers.", type: .clash),
        Case(text: "Ten militants were killed and two others were captured when they attacked the base.", type: .clash),
        Case(text: "The border town was recaptured on Sunday after a week of fighting.", type: .takeover, mode: .government),
        Case(text: "The Crescent Front retook the border town on Sunday.", type: .takeover, mode: .nonState),
        Case(text: "The Crescent Front took over the border town unopposed on Sunday.", type: .withdrawal),
        Case(text: "Militants ambushed peacekeepers and gendarmes on the highway.", type: .clash),
        // Disrupted weapons use: a weapon noun that is itself a trigger is the object of a framed verb; disposal words.
        Case(text: "Soldiers seized hundreds of landmines from a depot near the border.", type: .weaponsSeized),
        Case(text: "Air defences intercepted two ballistic missiles fired toward the city.", type: .weaponsSeized),
        Case(text: "A bomb squad defused an explosive device left outside the court.", type: .weaponsSeized),
        Case(text: "Engineers carried out a controlled explosion of an unexploded shell near the school.", type: .weaponsSeized),
        Case(text: "Soldiers shot down a drone over the base on Sunday.", type: .weaponsSeized),
        // Reciprocal fire between armed sides is a battle.
        Case(text: "The rival militias exchanged fire near the bridge on Sunday.", type: .clash),
        Case(text: "A skirmish between the two militias left four fighters dead.", type: .clash),
        // Changes to a group: disbanding, drills, new leaders, new names, recruitment.
        Case(text: "The armed movement announced that it had disbanded.", type: .groupChange),
        Case(text: "The coastguard held naval exercises near the islands.", type: .groupChange),
        Case(text: "The militia named a new commander after the death of its founder.", type: .groupChange),
        Case(text: "The rebel alliance changed its name last week.", type: .groupChange),
        Case(text: "Hundreds of youths were recruited by the militia in the camps.", type: .groupChange),
        Case(text: "The journalist was taken away by masked gunmen at night.", type: .abduction),
        Case(text: "An angry mob beat a suspected thief to death.", type: .riot, mode: .mobViolence),
        Case(text: "Gunmen beat a farmer to death near the river.", type: .attack),
        // Protest policing and force; violence by demonstrators; strikes.
        Case(text: "Police used batons to break up a sit-in by nurses.", type: .protest, mode: .withIntervention),
        Case(text: "Students were teargassed near the campus gate during the march.", type: .protest, mode: .withIntervention),
        Case(text: "Several demonstrators were injured when police charged the march.", type: .protest, mode: .excessiveForce),
        Case(text: "Demonstrators set the tax office on fire.", type: .riot),
        Case(text: "Dock workers went on strike over pay.", type: .protest),
        // Handovers, fights fought off, foiled plots, blasts, captives, new bases.
        Case(text: "The rebels handed the airport over to the army.", type: .withdrawal),
        Case(text: "Troops repulsed the insurgents near the dam.", type: .clash),
        Case(text: "The garrison fought off militants overnight.", type: .clash),
        Case(text: "Troops and militants fought near the ridge for hours.", type: .clash),
        Case(text: "Police foiled a plan to bomb the stadium.", type: .weaponsSeized),
        Case(text: "A device hidden in a cart went off at the market.", type: .attack, mode: .bombing),
        Case(text: "Militants blew up a bridge on the main road.", type: .attack, mode: .bombing),
        Case(text: "The gang is holding three traders captive in the hills.", type: .abduction),
        Case(text: "The militants opened a new base near the lake.", type: .baseEstablished),
        // Only state forces arrest: people seized by an armed group are abducted, fighters it takes are captured.
        Case(text: "Rebels arrested two teachers accused of spying.", type: .abduction),
        Case(text: "Police arrested two teachers accused of spying.", type: .capture),
        Case(text: "The rebels captured five soldiers near the pass.", type: .capture),
        Case(text: "Fighters took a hundred others captive after the battle.", type: .capture),
        // Damage and destruction by demonstrators or rioters is a violent demonstration; a protester killed, force
        // against protesters; shots into a crowd; vigils.
        Case(text: "Marchers damaged two bank branches during the protest.", type: .riot),
        Case(text: "Rioting youths destroyed shops and cars near the stadium.", type: .riot),
        Case(text: "Police killed a protester during demonstrations over the fuel price.", type: .protest, mode: .excessiveForce),
        Case(text: "Troops fired into a crowd at the gate, wounding six.", type: .attack),
        Case(text: "Families held a vigil outside the prison for the missing students.", type: .protest),
        // Unnamed state forces moved by the state or by nobody named redeploy (change to group/activity).
        Case(text: "The ministry sent 300 troops to the eastern district.", type: .groupChange),
        Case(text: "Soldiers were relocated from the coast to the capital.", type: .groupChange),
        // A clause opened by "before" is a time anchor, not what the text reports.
        Case(text: "Police detained three organisers before the governor's rally in the square.", type: .capture),
        Case(text: "The rebels declared a general mobilisation.", type: .groupChange),
        Case(text: "The militia began its disarmament under the peace plan.", type: .groupChange),
        // Units, personnel and air bases are military targets: attacks on them are battles, their capture a takeover.
        Case(text: "Militants ambushed security personnel near the dam.", type: .clash),
        Case(text: "Insurgents captured the airbase after a long siege.", type: .takeover, mode: .nonState),
        // A clause opened by "ending" names what the main event ends.
        Case(text: "The two groups signed a peace accord ending months of fighting.", type: .agreement),
        // "accused of …" right after a noun is a reduced relative: the clause's own verb stays asserted once the phrase
        // ends (a form of "be", a comma, "who"); an event inside the phrase, or an accusation said of a side, stays a claim.
        Case(text: "A preacher accused of heresy was beaten to death by a mob near the mosque.", type: .riot, mode: .mobViolence),
        Case(text: "Two herders accused of theft were shot dead by soldiers at the checkpoint.", type: .attack),
        Case(text: "A trader, accused of hoarding fuel, was abducted by gunmen on the ring road.", type: .abduction),
        Case(text: "A driver blamed for the crash was beaten to death by a mob near the depot.", type: .riot, mode: .mobViolence),
        Case(text: "The opposition accused the army of shelling the market.", type: nil),
        Case(text: "The militia was accused of burning the village.", type: nil),
        Case(text: "Rebels accused of shelling the market denied it on Sunday.", type: nil),
        Case(text: "The commander, accused of ordering the massacre, rejected the charges.", type: nil),
        Case(text: "Residents blamed the militia for the bombing of the bridge.", type: nil),
    ]

    /// Vocabulary by word class rather than by example: inflected multi-word verbs, any violent verb "to death",
    /// a weapon noun with an explosion or impact verb, launching or firing projectiles, using chemical agents,
    /// gaps inside "traded fire", property and infrastructure nouns as objects, taking to the streets, handing
    /// control, joining a side, naming a new leader, engaging armed men.
    static let vocabulary: [Case] = [
        Case(text: "Two soldiers sexually assaulted a girl at the roadblock.", type: .sexualViolence),
        Case(text: "A herder was stabbed to death by members of a gang near the well.", type: .attack),
        Case(text: "Raiders hacked four farmers to death in their fields.", type: .attack),
        Case(text: "An elderly couple was burned alive inside their hut by raiders.", type: .attack),
        Case(text: "The two armies traded sporadic artillery fire along the frontier.", type: .clash),
        Case(text: "Guards and smugglers exchanged heavy fire at the crossing overnight.", type: .clash),
        Case(text: "A landmine exploded under a minibus, killing the driver.", type: .attack, mode: .remoteExplosive),
        Case(text: "Two rockets landed near the stadium late on Friday.", type: .attack, mode: .shelling),
        Case(text: "A grenade exploded inside the bus station, wounding six travellers.", type: .attack, mode: .grenade),
        Case(text: "Insurgents launched a barrage of rockets at the airfield.", type: .attack, mode: .shelling),
        Case(text: "The rebels fired three missiles toward the port.", type: .attack, mode: .shelling),
        Case(text: "Witnesses said the air force used chlorine against the besieged quarter.", type: .attack, mode: .chemical),
        Case(text: "Raiders set fire to the village clinic on Sunday.", type: .propertyDestruction),
        Case(text: "Insurgents destroyed a mobile phone mast outside the town.", type: .propertyDestruction),
        Case(text: "Saboteurs destroyed two bridges on the supply route.", type: .propertyDestruction),
        Case(text: "Angry villagers burned the house of the local chief.", type: .riot, mode: .mobViolence),
        Case(text: "Thousands of nurses took to the streets of the capital over unpaid wages.", type: .protest),
        Case(text: "Thousands of students spilled onto the streets of the capital to demand lower fees.", type: .protest),
        Case(text: "Hundreds of traders poured into the streets after the market tax was doubled.", type: .protest),
        Case(text: "The militia handed control of the airstrip to the national army.", type: .withdrawal),
        Case(text: "Hundreds of former rebels joined the ranks of the national army.", type: .groupChange),
        Case(text: "The movement announced a new commander on Tuesday.", type: .groupChange),
        Case(text: "Marines engaged a band of gunmen near the harbour.", type: .clash),
        Case(text: "A magistrate was gunned down outside the court by two men on a motorbike.", type: .attack),
        Case(text: "Guards at the depot returned fire and the raiders fled.", type: .clash),
        Case(text: "Port workers began an indefinite strike on Monday over unpaid bonuses.", type: .protest),
        Case(text: "Miners staged a strike at the copper mine.", type: .protest),
        Case(text: "Soldiers picked up two soldiers of the other side at the ford.", type: .capture),
        Case(text: "The ministry announced the formation of a new border force.", type: .groupChange),
        Case(text: "The militia sent reinforcements to the eastern front.", type: .groupChange),
        Case(text: "The army restored control over the coastal highway.", type: .takeover, mode: .government),
        // A participle right after a group has that group as its subject; an accident word vetoes only weak triggers;
        // titles are people; "members of" takes the class of what follows; cue rows that name protesters apply to
        // attacks too; explosives turn a destruction into an explosion.
        Case(text: "Police fired tear gas at students marching on parliament.", type: .protest, mode: .withIntervention),
        Case(text: "Fighters looted food and medicine from the warehouse.", type: .propertyDestruction),
        Case(text: "Militants abducted the village chief near the market.", type: .abduction),
        Case(text: "A roadside explosion killed four members of one family.", type: .attack, mode: .remoteExplosive),
        Case(text: "Air defence units downed a drone over the port.", type: .weaponsSeized),
        Case(text: "Engineers removed mines from the farmland.", type: .weaponsSeized),
        Case(text: "Teachers downed tools to demand higher pay.", type: .protest),
        Case(text: "Two armed groups declared an alliance against the government.", type: .groupChange),
        Case(text: "Former rebels were integrated into the national army.", type: .groupChange),
        Case(text: "Police opened fire on protesters, killing three, after the rally turned violent.", type: .protest, mode: .excessiveForce),
        Case(text: "The blast, caused by a device planted beside the road, destroyed a police truck.", type: .attack, mode: .remoteExplosive),
        // An accident's evacuation is no event; a protest about a crime is a protest; a raid with no toll is the means
        // of the arrest or destruction named beside it.
        Case(text: "A fire swept through the fuel warehouse and the authorities evacuated nearby residents.", type: nil),
        Case(text: "Hundreds of people marched to denounce corruption in the police.", type: .protest),
        Case(text: "Soldiers raided a house in the capital and arrested two men suspected of spying.", type: .capture),
        Case(text: "Attackers raided the village at night and set the granary ablaze.", type: .propertyDestruction),
        // Regional reporting words: neutralised fighters, martyred soldiers, shutdowns and sit-ins
        // (hartal, dharna, bandh), baton charges, stone pelting, ceasefire violations, flushing out and dislodging.
        Case(text: "Commandos neutralised four insurgents near the river.", type: .clash),
        Case(text: "Transport unions observed a hartal across the province.", type: .protest),
        Case(text: "Nurses sat on a dharna outside the health directorate.", type: .protest),
        Case(text: "Police lathi-charged farmers who were protesting on the highway.", type: .protest, mode: .withIntervention),
        Case(text: "Protesters pelted the convoy with stones near the square.", type: .riot),
        Case(text: "Border guards violated the ceasefire near the river crossing.", type: .clash),
        Case(text: "Troops flushed out the insurgents from the hills.", type: .takeover, mode: .government),
        Case(text: "A constable was martyred when militants opened fire on a patrol.", type: .clash),
        Case(text: "Intelligence agents picked up the blogger from his home.", type: .capture),
        // Changes to a group's activity: joint patrols, massing and training forces, replacing commanders, suspending
        // attacks, enlistment, build-ups, parades, new names.
        Case(text: "The two armies began joint patrols in the buffer zone.", type: .groupChange),
        Case(text: "The rebels were massing fighters north of the lake.", type: .groupChange),
        Case(text: "Foreign instructors trained the new cadets at the academy.", type: .groupChange),
        Case(text: "The junta replaced the navy chief on Monday.", type: .groupChange),
        Case(text: "The front suspended its attacks for the duration of the talks.", type: .groupChange),
        Case(text: "Hundreds of volunteers enlisted in the home guard.", type: .groupChange),
        Case(text: "Observers reported a troop build-up near the pass.", type: .groupChange),
        Case(text: "The faction rebranded itself as a liberation movement.", type: .groupChange),
        // Taking back, custody, bases built, allegiance declared, crops uprooted,
        // homes razed, arson, people snatched, ground ceded; protesters who storm and
        // rioters who attack make a riot, rival supporters' clashes mob violence; people missing after being taken.
        Case(text: "The army took back the hill town from the insurgents on Friday.", type: .takeover, mode: .government),
        Case(text: "Marines reclaimed the airport after a week of fighting.", type: .takeover, mode: .government),
        Case(text: "The mayor was taken into custody at his office on Monday.", type: .capture),
        Case(text: "The rebels built a new base in the hills above the valley.", type: .baseEstablished),
        Case(text: "The splinter group declared its full allegiance to the movement.", type: .groupChange),
        Case(text: "Soldiers uprooted crops in the border villages.", type: .propertyDestruction),
        Case(text: "Protesters stormed the town hall during the march.", type: .riot),
        Case(text: "Rioters attacked a police station in the old town.", type: .riot),
        Case(text: "Supporters of rival candidates clashed in the market after the count.", type: .riot, mode: .mobViolence),
        Case(text: "Two journalists have been missing since police took them from their office.", type: .abduction),
        Case(text: "Militiamen razed dozens of homes in the village.", type: .propertyDestruction),
        Case(text: "Police are investigating an arson attack on a mosque in the city.", type: .propertyDestruction),
        Case(text: "Gunmen snatched a businessman from his car in the city centre.", type: .abduction),
        Case(text: "The rebels ceded the hilltop to the army under a local deal.", type: .withdrawal),
        // Fighting off an attack, taking ground back, local administrative units as ground, suicide vehicle bombers,
        // named kinds of march, protesters removed by force.
        Case(text: "Border guards repelled the insurgents near the ford.", type: .clash),
        Case(text: "Troops beat back the insurgents at the bridge on Sunday.", type: .clash),
        Case(text: "The garrison repelled a dawn raid on the fort.", type: .clash),
        Case(text: "The garrison fended off the rebels overnight.", type: .clash),
        // A fighting-off verb needs a foe or an attack as its object: a quoted alliance name or a bid is no battle.
        Case(text: "The brigade is not part of the \"Repel the Invaders\" alliance.", type: nil),
        // Ground cleared of a named foe; suicide attackers; aircraft as the subject of a strike and as the object of a
        // shoot-down; depots as military targets.
        Case(text: "Marines cleared the valley of insurgents on Thursday.", type: .takeover, mode: .government),
        Case(text: "A suicide attacker struck a queue of recruits outside the barracks.", type: .attack, mode: .suicideBombing),
        Case(text: "A drone hit a pickup truck on the coastal road.", type: .attack, mode: .airstrike),
        Case(text: "Helicopter gunships struck a convoy of fuel tankers.", type: .attack, mode: .airstrike),
        Case(text: "Militiamen shot down an army helicopter over the swamp.", type: .weaponsSeized),
        // "occupied" stays no trigger: a seat, an office or a floor is occupied far more often than a town is.
        Case(text: "Two bedrooms occupy the upper floor of the house.", type: nil),
        // Irregular participles (retaken, beaten back), stones thrown, successors named, and a mine that is a workplace
        // (no landmine: the attack on it keeps no explosive mode).
        Case(text: "The hill town has been retaken by the army, officials said.", type: .takeover, mode: .government),
        Case(text: "The raiders were beaten back by the village guard after a fierce battle.", type: .clash),
        Case(text: "Youths threw stones at a police patrol in the old town.", type: .riot),
        Case(text: "The group named his successor on Friday.", type: .groupChange),
        Case(text: "Gunmen raided a gold mine and killed eleven workers.", type: .attack),
        // A group that moves its headquarters or base sets up a new one; rival politicians' supporters fighting is mob violence.
        Case(text: "The rebel group relocated its base into the forest last month.", type: .baseEstablished),
        Case(text: "The militia moved its headquarters to a farm outside the city.", type: .baseEstablished),
        Case(text: "Supporters of two rival candidates fought with clubs outside the polling station.", type: .riot, mode: .mobViolence),
        Case(text: "Loyalist troops wrested back the river port from the insurgents.", type: .takeover, mode: .government),
        Case(text: "The army won back two districts in the north.", type: .takeover, mode: .government),
        Case(text: "The insurgents captured a township near the border.", type: .takeover, mode: .nonState),
        Case(text: "Jihadists captured two rural communes on Monday.", type: .takeover, mode: .nonState),
        Case(text: "A suicide truck bomber drove into the police compound.", type: .attack, mode: .suicideBombing),
        Case(text: "Soldiers fired live rounds at a peaceful march, killing two.", type: .protest, mode: .excessiveForce),
        Case(text: "Students joined a silent march through the capital.", type: .protest),
        Case(text: "Protesters were forcibly evicted from the square by soldiers.", type: .protest, mode: .withIntervention),
    ]

    /// The ACLED sub-event type decides: "bombing" and "remote explosive" modes are both an IED.
    @Test(arguments: vocabulary)
    func vocabularyByWordClass(_ c: Case) {
        let main = MainEvent.choose(extract(c.text, actors: testActors), lexicon: Shared.extractor.lexicon)
        #expect(main.map { $0.type.acled(mode: $0.mode).subEventType } == c.type.map { $0.acled(mode: c.mode).subEventType })
    }

    @Test(arguments: mainEvents)
    func mainEventHasTypeAndMode(_ c: Case) {
        let main = MainEvent.choose(extract(c.text, actors: testActors), lexicon: Shared.extractor.lexicon)
        #expect(main?.type == c.type)
        if let mode = c.mode { #expect(main?.mode == mode) }
    }

    @Test func wordInsideAnActorNameIsNoTrigger() {
        let found = extract("Security forces killed 20 fighters of the Valley Liberation Army in the hills.",
                            actors: ["Valley Liberation Army": (nil, "Valley Liberation Army", .armedGroup)])
        #expect(first(.takeover, found) == nil)
        #expect(first(.clash, found) != nil)
    }

    @Test func weaponsThatWereFoundAreNoAttack() {
        let found = extract("Police said the grenades and ammunition were discovered near the school and the bomb squad was called.")
        #expect(MainEvent.choose(found)?.type == .weaponsSeized)
        #expect(first(.attack, found) == nil)
    }

    @Test func weaponsFoundInAReducedRelativeAreSeized() {
        let found = extract("Fishermen were cleaning the box containing the mortar rounds discovered on Wednesday night.")
        #expect(first(.weaponsSeized, found) != nil)
    }

    @Test func monthNameIsNoProtest() {
        let found = extract("The Crescent Front began talks with the Valley Guard in March.", actors: testActors,
                            times: ["March": (DayInterval(day: CalendarDay(iso: "2020-03-01")!), .month)])
        #expect(first(.protest, found) == nil)
        #expect(first(.negotiation, found) != nil)
    }

    @Test func attemptIsNotATakeover() {
        let found = extract("The militia intended to take control of the hill, but the army pushed them back.")
        #expect(first(.takeover, found)?.certainty == .planned)
    }

    @Test func hackersAreNoAttack() {
        let found = extract("Hackers targeting the ministry stole voter data.")
        #expect(first(.attack, found) == nil)
    }

    @Test func attackInsideAnAccusationIsNoMainEvent() {
        let found = extract("The minister rejected accusations against the militia after attacks on the port.")
        #expect(!found.isEmpty)
        #expect(MainEvent.choose(found, lexicon: Shared.extractor.lexicon) == nil)
    }

    @Test func waitingForProtestsIsNoProtest() {
        let found = extract("The army deployed troops to the city in anticipation of demonstrations after prayers.")
        #expect(first(.protest, found)?.certainty == .planned)
    }
}
